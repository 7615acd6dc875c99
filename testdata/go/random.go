// Seeded randomness: crypto/rand and the runtime-seeded math/rand/v2 functions draw from
// random_get, a pure function of --seed. An explicitly seeded PCG gives the same numbers
// everywhere, detwasm or not.
package main

import (
	"crypto/rand"
	"fmt"
	mathrand "math/rand/v2"
)

func main() {
	first := make([]byte, 16)
	second := make([]byte, 16)
	rand.Read(first)
	rand.Read(second)
	fmt.Printf("crypto/rand: % x\n", first)
	fmt.Printf("crypto/rand: % x\n", second)
	fmt.Println("math/rand/v2:", mathrand.IntN(1000), mathrand.IntN(1000), mathrand.IntN(1000))
	pcg := mathrand.New(mathrand.NewPCG(1, 2))
	fmt.Println("PCG(1, 2):", pcg.IntN(1000), pcg.IntN(1000), pcg.IntN(1000))
}
