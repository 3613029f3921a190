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
//
// The simulated network has no server on this machine: a request to
// localhost or 127.0.0.1 fails as a refused connection (as it does for real
// when nothing listens); any other host answers "200 OK" with an empty body.
func Get(url string) (resp *Response, err error) {
	waitNetwork()
	hostport := hostPort(url)
	host := hostport
	for i := 0; i < len(hostport); i++ {
		if hostport[i] == ':' {
			host = hostport[:i]
			break
		}
	}
	if host == "127.0.0.1" || host == "localhost" {
		return nil, &urlError{op: "Get", url: url, err: "dial tcp " + hostport + ": connect: connection refused"}
	}
	return &Response{Status: "200 OK", StatusCode: StatusOK, Body: &Body{}}, nil
}

// hostPort returns the host:port of a URL, adding the scheme's default port.
func hostPort(url string) string {
	rest := url
	port := ":80"
	for i := 0; i+2 < len(url); i++ {
		if url[i] == ':' && url[i+1] == '/' && url[i+2] == '/' {
			if url[:i] == "https" {
				port = ":443"
			}
			rest = url[i+3:]
			break
		}
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] == '/' || rest[i] == '?' || rest[i] == '#' {
			rest = rest[:i]
			break
		}
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] == ':' {
			return rest
		}
	}
	return rest + port
}

// urlError is what Go's net/url.Error prints: `Get "URL": reason`.
type urlError struct {
	op  string
	url string
	err string
}

func (e *urlError) Error() string { return e.op + " \"" + e.url + "\": " + e.err }

// waitNetwork parks the calling goroutine in the simulated network poller
// for one round trip.
func waitNetwork()
