// Race: the k-th receive on a channel of capacity C is synchronized before the (k+C)-th send
// completes. With C = 1 the channel is a mutex, so the increments never race.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	limit := make(chan int, 1)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				limit <- 1
				counter++
				<-limit
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}

// Run: race=on
// Race: none
// Output:
// 400
