// Race: readers under RLock and a writer under Lock; each RUnlock is synchronized before the
// next Lock returns, and each Unlock before later RLocks return.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	config := map[string]int{"limit": 1}
	var wg sync.WaitGroup
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			_ = config["limit"]
			mu.RUnlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		config["limit"] = 2
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(config["limit"])
}

// Run: race=on
// Race: none
// Output:
// 2
