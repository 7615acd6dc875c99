// ".." never leads out of a mount: hello.txt exists on the host right next to the mounted
// directory, but the guest cannot reach it. Go cleans paths before it calls the host, so the
// attempts go straight to path_open, relative to the mount's file descriptor.
package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	dir, err := os.Open("/data")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, path := range []string{"../hello.txt", "sub/../../hello.txt", "..", "sub/../a"} {
		fd, err := syscall.Openat(int(dir.Fd()), path, syscall.O_RDONLY, 0)
		if err != nil {
			fmt.Printf("openat /data, %s: %v\n", path, err)
			continue
		}
		buf := make([]byte, 64)
		n, _ := syscall.Read(fd, buf)
		syscall.Close(fd)
		fmt.Printf("openat /data, %s: reads %q\n", path, buf[:n])
	}
	// os cleans "/data/../hello.txt" to "/hello.txt", which no mount covers.
	_, err = os.ReadFile("/data/../hello.txt")
	fmt.Println("os.ReadFile:", err)
}
