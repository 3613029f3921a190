// Panic: a panic in any goroutine ends the whole program; the trace names its creator.
package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
}

func main() {
	done := make(chan bool)
	go func() {
		worker(2)
		done <- true
	}()
	select {
	case <-done:
		fmt.Println("unreachable")
	case <-time.After(time.Second):
		fmt.Println("unreachable")
	}
}

// Exit: 2
// Stderr contains:
// panic: worker 2 failed
// main.worker
// main.go:11
// created by main.main in goroutine 1
// [running]:
// Output:
