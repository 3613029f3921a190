// Course: the racy counter fixed by giving the counter to one goroutine that receives
// increments over a channel ("share memory by communicating").
package main

import (
	"fmt"
	"sync"
)

func main() {
	incs := make(chan int)
	result := make(chan int)
	go func() {
		counter := 0
		for d := range incs {
			counter += d
		}
		result <- counter
	}()

	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				incs <- 1
			}
		}()
	}
	wg.Wait()
	close(incs)
	fmt.Println("counter:", <-result)
}

// Run: race=on
// Race: none
// Output:
// counter: 2000
