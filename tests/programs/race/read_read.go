// Race: concurrent reads alone never race.
package main

import (
	"fmt"
	"sync"
)

var table = []int{1, 2, 3}

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range table {
				sums[g] += v
			}
		}()
	}
	wg.Wait()
	fmt.Println(sums)
}

// Run: race=on
// Race: none
// Output:
// [6 6 6]
