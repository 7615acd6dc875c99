// With the directory mounted at "/", relative and absolute spellings of a path name the same
// file, and the working directory is "/".
package main

import (
	"bufio"
	"fmt"
	"os"
)

func firstLine(path string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Printf("%s: %v\n", path, err)
		return
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	scanner.Scan()
	fmt.Printf("%s: %s\n", path, scanner.Text())
}

func main() {
	wd, err := os.Getwd()
	fmt.Printf("getwd: %q %v\n", wd, err)
	for _, path := range []string{"test.txt", "./test.txt", "/test.txt", "list/../test.txt",
		"./list/./sub/../../test.txt", "list/sub/inner.txt"} {
		firstLine(path)
	}
	if err := os.WriteFile("written.txt", []byte("written through a relative path\n"), 0o644); err != nil {
		fmt.Println(err)
	}
	firstLine("/written.txt")
	firstLine("./written.txt")
}
