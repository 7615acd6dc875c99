// Looks up set, empty and unset variables, then lists the whole environment: the guest sees
// exactly the --env flags, in the order given, and nothing of the host's environment.
package main

import (
	"fmt"
	"os"
)

func main() {
	for _, name := range []string{"GREETING", "EMPTY", "EQUALS", "MISSING"} {
		if value, ok := os.LookupEnv(name); ok {
			fmt.Printf("%s=[%s]\n", name, value)
		} else {
			fmt.Printf("%s is unset\n", name)
		}
	}
	fmt.Printf("os.Getenv(\"MISSING\")=%q\n", os.Getenv("MISSING"))
	fmt.Println("environ:")
	for _, kv := range os.Environ() {
		fmt.Printf("  %s\n", kv)
	}
}
