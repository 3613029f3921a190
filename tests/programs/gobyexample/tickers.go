// Go by Example "Tickers": a ticker fires every 100 ms until it is stopped at 350 ms.
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(100 * time.Millisecond)
	done := make(chan bool)
	finished := make(chan int)

	go func() {
		n := 0
		for {
			select {
			case <-done:
				finished <- n
				return
			case <-ticker.C:
				n++
				fmt.Println("Tick", n)
			}
		}
	}()

	time.Sleep(350 * time.Millisecond)
	ticker.Stop()
	done <- true
	fmt.Println("Ticker stopped after", <-finished, "ticks")
}

// Output:
// Tick 1
// Tick 2
// Tick 3
// Ticker stopped after 3 ticks
