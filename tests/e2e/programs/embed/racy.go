// Two goroutines increment a shared counter with no synchronization.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter)
}
