// Fix 3: one goroutine owns the counter; the others send it requests.
package main

import (
	"fmt"
	"sync"
)

func main() {
	increments := make(chan int)
	result := make(chan int)
	go func() { // the owner: the only goroutine that touches counter
		counter := 0
		for n := range increments {
			counter += n
		}
		result <- counter
	}()

	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10_000; i++ {
				increments <- 1
			}
		}()
	}
	wg.Wait()
	close(increments)
	fmt.Println("counter =", <-result, "(expected 40000)")
}
