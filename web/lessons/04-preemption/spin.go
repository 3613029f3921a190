// A goroutine that never calls a function, on a single core.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	go func() {
		for {
			// Spins forever: no function call, no channel, no sleep.
		}
	}()
	time.Sleep(time.Millisecond) // main gives up the core for 1 ms...
	fmt.Println("main is back after", time.Since(start))
}
