// Go by Example "Timers": one timer fires, another is stopped before it fires.
package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(100 * time.Millisecond)
	<-timer1.C
	fmt.Println("Timer 1 fired")

	timer2 := time.NewTimer(100 * time.Millisecond)
	go func() {
		<-timer2.C
		fmt.Println("Timer 2 fired")
	}()
	if timer2.Stop() {
		fmt.Println("Timer 2 stopped")
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Println("Stop again:", timer2.Stop())
}

// Output:
// Timer 1 fired
// Timer 2 stopped
// Stop again: false
