// Not yet a deadlock: while a goroutine sleeps (a timer is pending) the runtime does not
// report main's blocked receive. When the sleeper exits without sending, it does.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(200 * time.Millisecond)
		fmt.Println("sleeper exits without sending")
	}()
	fmt.Println("main waits")
	<-ch
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan receive]:
// main.main
// main.go:17
// Output:
// main waits
// sleeper exits without sending
