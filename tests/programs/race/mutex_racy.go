// Race: one goroutine forgets the lock, so its write is not ordered with the locked one.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	balance := 0
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		balance += 10
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		balance += 20
	}()
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 17 22
// Output:
// done
