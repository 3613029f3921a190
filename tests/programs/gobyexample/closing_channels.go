// Go by Example "Closing Channels": the producer closes the jobs channel to say "no more".
// With one P, main fills the buffer before the worker runs, so the order is fixed.
package main

import "fmt"

func main() {
	jobs := make(chan int, 5)
	done := make(chan bool)

	go func() {
		for {
			j, more := <-jobs
			if more {
				fmt.Println("received job", j)
			} else {
				fmt.Println("received all jobs")
				done <- true
				return
			}
		}
	}()

	for j := 1; j <= 3; j++ {
		jobs <- j
		fmt.Println("sent job", j)
	}
	close(jobs)
	fmt.Println("sent all jobs")
	<-done

	_, ok := <-jobs
	fmt.Println("received more jobs:", ok)
}

// Run: procs=1
// Output:
// sent job 1
// sent job 2
// sent job 3
// sent all jobs
// received job 1
// received job 2
// received job 3
// received all jobs
// received more jobs: false
