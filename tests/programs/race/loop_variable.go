// Race: since Go 1.22 each loop iteration has its own variable, so goroutines started in the
// loop body do not share (or race on) the loop variable.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("i =", i)
		}()
	}
	wg.Wait()
}

// Run: race=on
// Race: none
// Unordered output:
// i = 0
// i = 1
// i = 2
