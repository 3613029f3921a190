// Package os: the little of the operating system a playground program may touch.
package os

import "errors"

// ErrNotExist is returned for files that do not exist (there is no file system).
var ErrNotExist = errors.New("file does not exist")

// ErrPermission and ErrExist mirror Go's errors of the same names.
var (
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
)

// errno is ENOENT: as Go's syscall.Errno, it reports being ErrNotExist to
// errors.Is.
type errno string

func (e errno) Error() string { return string(e) }

func (e errno) Is(target error) bool { return target == ErrNotExist }

var errNoEnt error = errno("no such file or directory")


// File is an open file; only the standard streams exist in the playground.
type File struct {
	fd int
}

// Stdout and Stderr write to the program's output streams.
var (
	Stdout = &File{1}
	Stderr = &File{2}
)

// Write writes len(b) bytes to the file.
func (f *File) Write(b []byte) (n int, err error)

// WriteString writes the contents of string s to the file.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Args hold the command-line arguments, starting with the program name.
var Args = []string{"/tmp/sandbox/prog"}

// Exit causes the current program to exit with the given status code.
func Exit(code int)

// readFileSyscall blocks the calling goroutine in a simulated system call
// (the goroutine keeps its thread; sysmon may hand its P to another thread).
func readFileSyscall()

// ReadFile always fails: the playground has no file system.
func ReadFile(name string) ([]byte, error) {
	readFileSyscall()
	return nil, &PathError{Op: "open", Path: name, Err: errNoEnt}
}

// Getenv returns the empty string: the playground has no environment.
func Getenv(key string) string {
	return ""
}
