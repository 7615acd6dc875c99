// Prints os.Args; os.Args[0] is "/main.wasm" unless --argv0 says otherwise.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("len(os.Args)=%d\n", len(os.Args))
	for i, arg := range os.Args {
		fmt.Printf("os.Args[%d]=%s\n", i, arg)
	}
}
