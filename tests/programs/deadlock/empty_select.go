// Deadlock: an empty select blocks forever; once the only other goroutine is done, the
// runtime reports the deadlock.
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker finished")
		done <- true
	}()
	<-done
	select {}
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [select (no cases)]:
// main.main
// main.go:14
// Output:
// worker finished
