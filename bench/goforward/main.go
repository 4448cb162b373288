// goforward is the benchmark's reference forwarder: the classic Go design, one
// goroutine per direction running io.Copy (which splices between TCP sockets
// on Linux), CloseWrite when a direction reaches end of stream.
//
// Usage: goforward LISTEN=TARGET [LISTEN=TARGET ...]
// e.g.   goforward 127.0.0.1:23011=127.0.0.1:22001
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goforward LISTEN=TARGET [LISTEN=TARGET ...]")
		os.Exit(2)
	}
	var wg sync.WaitGroup
	for _, pair := range os.Args[1:] {
		parts := strings.SplitN(pair, "=", 2)
		if len(parts) != 2 {
			log.Fatalf("bad pair %q: want LISTEN=TARGET", pair)
		}
		ln, err := net.Listen("tcp", parts[0])
		if err != nil {
			log.Fatalf("listen %s: %v", parts[0], err)
		}
		wg.Add(1)
		go func(ln net.Listener, target string) {
			defer wg.Done()
			serve(ln, target)
		}(ln, parts[1])
	}
	wg.Wait()
}

func serve(ln net.Listener, target string) {
	for {
		c, err := ln.Accept()
		if err != nil {
			// Out of descriptors: back off instead of spinning.
			if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
				time.Sleep(10 * time.Millisecond)
				continue
			}
			log.Printf("accept: %v", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go handle(c.(*net.TCPConn), target)
	}
}

func handle(client *net.TCPConn, target string) {
	b, err := net.Dial("tcp", target)
	if err != nil {
		client.SetLinger(0)
		client.Close()
		return
	}
	backend := b.(*net.TCPConn)
	done := make(chan error, 2)
	pipe := func(dst, src *net.TCPConn) {
		_, err := io.Copy(dst, src)
		if err == nil {
			dst.CloseWrite()
		}
		done <- err
	}
	go pipe(backend, client)
	go pipe(client, backend)
	for i := 0; i < 2; i++ {
		if err := <-done; err != nil {
			// A reset or failed write on one side: reset both.
			client.SetLinger(0)
			backend.SetLinger(0)
			break
		}
	}
	client.Close()
	backend.Close()
}
