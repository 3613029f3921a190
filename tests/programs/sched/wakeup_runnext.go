// Scheduler: a goroutine woken by a channel send goes into the waker's runnext slot, but the
// waker keeps running until it blocks.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan string)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("receiver waiting")
		fmt.Println("receiver got", <-ch)
	}()
	go func() {
		defer wg.Done()
		ch <- "hello"
		fmt.Println("sender continues")
	}()
	wg.Wait()
}

// Run: procs=1
// Output:
// receiver waiting
// receiver got hello
// sender continues
