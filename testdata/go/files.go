// Reads, writes, renames and deletes files in a directory mounted at /data. Every write stays in
// detwasm's in-memory overlay: the host files are never touched.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func show(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Printf("read %s: %v (not exist: %t)\n", path, err, errors.Is(err, fs.ErrNotExist))
		return
	}
	fmt.Printf("read %s: %q\n", path, data)
}

func report(what string, err error) {
	if err != nil {
		fmt.Printf("%s: %v\n", what, err)
	} else {
		fmt.Printf("%s: ok\n", what)
	}
}

func main() {
	show("/data/hello.txt")

	report("write out.txt", os.WriteFile("/data/out.txt", []byte("written by the guest\n"), 0o644))
	if info, err := os.Stat("/data/out.txt"); err == nil {
		fmt.Printf("stat out.txt: %d bytes, regular: %t\n", info.Size(), info.Mode().IsRegular())
	}
	f, err := os.OpenFile("/data/out.txt", os.O_APPEND|os.O_WRONLY, 0)
	report("open out.txt for appending", err)
	if err == nil {
		f.WriteString("appended\n")
		f.Close()
	}
	show("/data/out.txt")

	report("rename out.txt -> renamed.txt", os.Rename("/data/out.txt", "/data/renamed.txt"))
	show("/data/out.txt")
	show("/data/renamed.txt")

	report("remove renamed.txt", os.Remove("/data/renamed.txt"))
	show("/data/renamed.txt")
	err = os.Remove("/data/renamed.txt")
	fmt.Println("remove renamed.txt again, not exist:", errors.Is(err, fs.ErrNotExist))

	report("remove hello.txt", os.Remove("/data/hello.txt"))
	show("/data/hello.txt")

	report("mkdir newdir", os.Mkdir("/data/newdir", 0o755))
	if info, err := os.Stat("/data/newdir"); err == nil {
		fmt.Println("stat newdir: directory:", info.IsDir())
	}
	report("remove newdir", os.Remove("/data/newdir"))
	_, err = os.Stat("/data/newdir")
	fmt.Println("stat newdir, not exist:", errors.Is(err, fs.ErrNotExist))
}
