// Threaded (goroutines on one wasm thread). sync.WaitGroup.Go, a sync.Mutex and channels: a
// fan-out whose results are gathered by index, and a two-stage pipeline. The output is the same
// under any interleaving.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	squares := make([]int, 8)
	total := 0
	for i := range squares {
		wg.Go(func() {
			squares[i] = i * i
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("squares:", squares, "total:", total)

	numbers := make(chan int)
	doubled := make(chan int)
	go func() {
		for i := 1; i <= 5; i++ {
			numbers <- i
		}
		close(numbers)
	}()
	go func() {
		for n := range numbers {
			doubled <- 2 * n
		}
		close(doubled)
	}()
	for d := range doubled {
		fmt.Println("doubled:", d)
	}

	results := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Go(func() { results <- i * 100 })
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("buffered channel sum:", sum)
}
