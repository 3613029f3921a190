// Tour "Default Selection": select with a default case while waiting for ticks and a timeout.
// Ticks come every 100 ms and the timeout at 450 ms, so the printed events never tie.
package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(100 * time.Millisecond)
	boom := time.After(450 * time.Millisecond)
	idle := 0
	for {
		select {
		case <-tick:
			fmt.Println("tick.")
		case <-boom:
			fmt.Println("BOOM!")
			fmt.Println("default case ran:", idle > 0)
			return
		default:
			idle++
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// Output:
// tick.
// tick.
// tick.
// tick.
// BOOM!
// default case ran: true
