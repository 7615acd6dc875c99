// os.Exit(7): the guest's status becomes detwasm's exit code; deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("exiting with status 7")
	os.Exit(7)
}
