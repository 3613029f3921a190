// Fix 2: an atomic add does read-add-write as one indivisible step.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var counter atomic.Int64

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10_000; i++ {
				counter.Add(1) // no other core can slip in between
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter.Load(), "(expected 40000)")
}
