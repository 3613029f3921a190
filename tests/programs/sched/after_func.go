// Scheduler: time.AfterFunc runs its function in its own goroutine when the timer fires;
// a stopped AfterFunc never runs.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(20*time.Millisecond, func() { done <- "first fired" })
	second := time.AfterFunc(10*time.Millisecond, func() { done <- "second fired" })
	fmt.Println("stopped second:", second.Stop())
	fmt.Println(<-done)
	select {
	case msg := <-done:
		fmt.Println("unexpected:", msg)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("nothing else")
	}
}

// Output:
// stopped second: true
// first fired
// nothing else
