// Package http: a minimal, simulated HTTP client (a network wait, no real traffic).
package http

const (
	StatusOK       = 200
	StatusNotFound = 404
)

// Response represents the response from an HTTP request.
type Response struct {
	Status     string
	StatusCode int
	Body       *Body
}

// Body is the (empty) body of a simulated response.
type Body struct {
	id int
}

// Close closes the body.
func (b *Body) Close() error {
	return nil
}

// Get issues a simulated GET to the specified URL: the calling goroutine
// waits on the network poller for a simulated round trip.
func Get(url string) (resp *Response, err error)
