// Three goroutines do some work; main waits for them with a WaitGroup.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	for step := 1; step <= 2; step++ {
		fmt.Println("worker", id, "step", step)
	}
}

func main() {
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(id, &wg)
	}
	wg.Wait()
	fmt.Println("all workers done")
}
