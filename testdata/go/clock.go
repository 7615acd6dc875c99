// The virtual clock: time.Now starts at 2024-01-01T00:00:00Z, and time.Sleep and timers move
// it by exactly the time slept (and at no real cost).
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println("unix:", start.Unix(), "unix nano:", start.UnixNano())
	fmt.Println("utc:", start.UTC().Format(time.RFC3339Nano))

	time.Sleep(time.Hour)
	after := time.Now()
	fmt.Println("after time.Sleep(time.Hour):", after.UTC().Format(time.RFC3339Nano))
	fmt.Println("elapsed, monotonic:", after.Sub(start))
	fmt.Println("elapsed, wall clock:", after.Round(0).Sub(start.Round(0)))

	timer := time.NewTimer(1500 * time.Millisecond)
	fired := <-timer.C
	fmt.Println("timer fired after:", fired.Sub(after), "at", fired.UTC().Format(time.RFC3339Nano))

	deadline := time.After(2 * time.Second)
	ticks := 0
	ticker := time.NewTicker(300 * time.Millisecond)
	defer ticker.Stop()
	for done := false; !done; {
		select {
		case <-ticker.C:
			ticks++
		case <-deadline:
			done = true
		}
	}
	fmt.Println("ticks of 300ms in 2s:", ticks, "elapsed:", time.Since(after))
}
