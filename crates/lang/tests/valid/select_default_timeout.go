package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(100 * time.Millisecond)
	boom := time.After(500 * time.Millisecond)
	timeout := time.NewTimer(time.Second)
	defer timeout.Stop()
	for {
		select {
		case <-tick:
			fmt.Println("tick.")
		case t := <-boom:
			fmt.Println("BOOM!", t.Unix() > 0)
			return
		case <-timeout.C:
			return
		default:
			fmt.Println("    .")
			time.Sleep(50 * time.Millisecond)
		}
	}
}
