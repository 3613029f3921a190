// Scheduler: timers can be stopped before they fire and reset to fire later.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stop before firing:", t.Stop())
	fmt.Println("reset a stopped timer:", t.Reset(30*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("stop after firing:", t.Stop())

	t.Reset(20 * time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	// Since Go 1.23, Reset and Stop discard a value that fired but was not received.
	fmt.Println("reset an expired, unread timer:", t.Reset(20*time.Millisecond))
	<-t.C
	fmt.Println("fired again")

	select {
	case <-t.C:
		fmt.Println("unexpected value")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no stale value")
	}
}

// Output:
// stop before firing: true
// reset a stopped timer: false
// fired after reset
// stop after firing: false
// reset an expired, unread timer: true
// fired again
// no stale value
