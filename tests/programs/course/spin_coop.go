// Course: the spinner of spin_async.go with asynchronous preemption turned off (as before
// Go 1.14): the loop never reaches a safe point, main never runs again, the program hangs.
package main

import (
	"fmt"
	"time"
)

var sink int

func main() {
	fmt.Println("starting spinner")
	go func() {
		for {
			sink++
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main resumed")
}

// Run: procs=1 preempt=coop
// Exit: hang
// Output:
// starting spinner
