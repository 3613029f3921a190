// Course: two goroutines increment a shared counter without synchronization. The printed
// value varies from run to run, so only the race is labelled.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}

// Run: race=on
// Exit: 66
// Race: 18 18
