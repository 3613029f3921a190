// A worker pool: 3 workers share 9 jobs from one channel.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs { // ends when jobs is closed and empty
		sum := 0
		for i := 0; i < j*10_000; i++ {
			sum += i % 7
		}
		results <- fmt.Sprintf("worker %d did job %d", id, j)
	}
}

func main() {
	jobs := make(chan int, 9)
	results := make(chan string, 9)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs) // no more jobs: the workers' range loops will end
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
