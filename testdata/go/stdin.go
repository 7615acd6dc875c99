// Reads stdin line by line to the end; the last line has no newline.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	n := 0
	for scanner.Scan() {
		n++
		fmt.Printf("%d: [%s]\n", n, scanner.Text())
	}
	fmt.Printf("%d lines, error: %v\n", n, scanner.Err())
}
