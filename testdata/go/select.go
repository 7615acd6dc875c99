// An explicit nondeterministic choice: wasi.model_checker_select(n) returns 0..n-1. A plain run
// takes choice 0; the model checker explores all three and finds that choice 2 fails.
package main

import (
	"fmt"
	"os"
)

//go:wasmimport wasi model_checker_select
func model_checker_select(n uint32) uint32

func main() {
	choice := model_checker_select(3)
	fmt.Println("choice:", choice)
	if choice == 2 {
		fmt.Println("choice 2 is the bug")
		os.Exit(1)
	}
	fmt.Println("ok")
}
