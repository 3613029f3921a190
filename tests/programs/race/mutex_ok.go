// Race: Unlock n is synchronized before Lock n+1 returns.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	balance := 0
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			balance += 10
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(balance)
}

// Run: race=on
// Race: none
// Output:
// 30
