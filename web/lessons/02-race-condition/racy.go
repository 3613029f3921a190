// Four goroutines increment a shared counter with no synchronization.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10_000; i++ {
				counter++ // read, add 1, write back: three steps, not one
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter, "(expected 40000)")
}
