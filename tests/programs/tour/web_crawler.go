// Tour exercise "Web Crawler": crawl a fake site in parallel, fetching each URL once,
// with a mutex-protected visited set and a WaitGroup. Result order varies, so it is unordered.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type page struct {
	title string
	links []string
}

var site = map[string]page{
	"https://example.org/":           {"Home", []string{"https://example.org/blog/", "https://example.org/docs/"}},
	"https://example.org/blog/":      {"Blog", []string{"https://example.org/", "https://example.org/blog/first"}},
	"https://example.org/docs/":      {"Docs", []string{"https://example.org/", "https://example.org/docs/faq"}},
	"https://example.org/blog/first": {"First post", []string{"https://example.org/blog/", "https://example.org/missing"}},
}

func fetch(url string) (string, []string, error) {
	if p, ok := site[url]; ok {
		return p.title, p.links, nil
	}
	return "", nil, errors.New("not found: " + url)
}

type visited struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (v *visited) claim(url string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen[url] {
		return false
	}
	v.seen[url] = true
	return true
}

func crawl(url string, depth int, v *visited, wg *sync.WaitGroup) {
	defer wg.Done()
	if depth <= 0 || !v.claim(url) {
		return
	}
	title, links, err := fetch(url)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("found: %s %q\n", url, title)
	for _, u := range links {
		wg.Add(1)
		go crawl(u, depth-1, v, wg)
	}
}

func main() {
	v := &visited{seen: make(map[string]bool)}
	var wg sync.WaitGroup
	wg.Add(1)
	go crawl("https://example.org/", 4, v, &wg)
	wg.Wait()
}

// Unordered output:
// found: https://example.org/ "Home"
// found: https://example.org/blog/ "Blog"
// found: https://example.org/blog/first "First post"
// found: https://example.org/docs/ "Docs"
// not found: https://example.org/docs/faq
// not found: https://example.org/missing
