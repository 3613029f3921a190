package main

import (
	"fmt"
	"net/http"
	"sync"
)

func main() {
	urls := []string{"http://a.example", "http://b.example"}
	var wg sync.WaitGroup
	results := make(chan string, len(urls))
	for _, u := range urls {
		wg.Add(1)
		go func(url string) {
			defer wg.Done()
			resp, err := http.Get(url)
			if err != nil {
				results <- err.Error()
				return
			}
			defer resp.Body.Close()
			results <- fmt.Sprint(url, " ", resp.StatusCode, " ", resp.Status)
		}(u)
	}
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
