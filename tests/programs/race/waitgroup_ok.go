// Race: each Done is synchronized before the return of the Wait it unblocks.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 4)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
}

// Run: race=on
// Race: none
// Output:
// [0 1 4 9]
