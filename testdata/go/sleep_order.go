// Threaded (goroutines on one wasm thread). Three goroutines sleep 30, 10 and 20 ms of virtual
// time; they wake in deadline order, each exactly when its sleep ends.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	woke := make(chan string)
	for _, d := range []time.Duration{30 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond} {
		go func() {
			time.Sleep(d)
			woke <- fmt.Sprintf("slept %v, woke at +%v", d, time.Since(start))
		}()
	}
	for range 3 {
		fmt.Println(<-woke)
	}
	fmt.Println("total:", time.Since(start))
}
