// Lists a mounted directory. File.ReadDir returns entries in the order the host gives them
// (minus "." and ".."): byte order, also after creating and deleting entries. fs.WalkDir sorts
// by itself and walks the tree.
package main

import (
	"fmt"
	"io/fs"
	"os"
)

func list(path string) {
	dir, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer dir.Close()
	entries, err := dir.ReadDir(-1)
	fmt.Printf("%s:\n", path)
	for _, e := range entries {
		suffix := ""
		if e.IsDir() {
			suffix = "/"
		}
		fmt.Printf("  %s%s\n", e.Name(), suffix)
	}
	if err != nil {
		fmt.Println("  error:", err)
	}
}

func main() {
	list("/data")
	os.WriteFile("/data/M", nil, 0o644)
	os.Remove("/data/a")
	fmt.Println("created M, removed a")
	list("/data")
	list("/data/sub")

	fmt.Println("fs.WalkDir:")
	fs.WalkDir(os.DirFS("/data"), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Println("  error:", err)
			return nil
		}
		fmt.Printf("  %s\n", path)
		return nil
	})
}
