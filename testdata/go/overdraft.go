// Model checking (select decisions) with goroutines: a check-then-act race on a balance. Two
// goroutines, A then B, each withdraw 80 from a balance of 100 if it covers the amount; between
// the check and the withdrawal model_checker_select(2) chooses whether to yield
// (runtime.Gosched) to the other goroutine. Main waits for both, prints the balance and exits 1
// when it is negative.
//
// Goroutines share one wasm thread, so detwasm makes no schedule decisions here: the Go runtime
// schedules them, in creation order (without sysmon, as on wasm, it does not use runnext), and
// Gosched puts the caller behind the other. The select tree, A's choice first:
//
//	0    A withdraws (balance 20); B is refused and makes no choice: exit 0
//	1,0  A yields; B withdraws; A withdraws: balance -60, exit 1
//	1,1  A yields; B yields; A withdraws; B withdraws: balance -60, exit 1
//
// A plain run chooses 0.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

//go:wasmimport wasi model_checker_select
func model_checker_select(n uint32) uint32

func main() {
	balance := 100
	var wg sync.WaitGroup
	withdraw := func(name string) {
		defer wg.Done()
		if balance < 80 {
			fmt.Println(name, "refused: balance", balance)
			return
		}
		if model_checker_select(2) == 1 {
			runtime.Gosched()
		}
		balance -= 80
		fmt.Println(name, "withdrew 80")
	}
	wg.Add(2)
	go withdraw("A")
	go withdraw("B")
	wg.Wait()
	fmt.Println("balance:", balance)
	if balance < 0 {
		fmt.Println("overdrawn")
		os.Exit(1)
	}
}
