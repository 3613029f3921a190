// Scheduler: a ticker delivers ticks until it is stopped; Reset changes its period.
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(30 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-tk.C
		fmt.Println("tick", i)
	}
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}

	tk.Reset(20 * time.Millisecond)
	start := time.Now()
	<-tk.C
	fmt.Println("tick after Reset, within 80ms:", time.Since(start) < 80*time.Millisecond)
	tk.Stop()
}

// Output:
// tick 1
// tick 2
// tick 3
// no tick after Stop
// tick after Reset, within 80ms: true
