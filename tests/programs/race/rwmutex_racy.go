// Race: two goroutines write while holding only the read lock; read locks do not exclude
// each other, so the writes race.
package main

import (
	"fmt"
	"sync"
)

var hits int

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			hits = g
			mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 20 20
// Output:
// done
