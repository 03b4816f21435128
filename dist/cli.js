#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module';
import { fileURLToPath as __cgFileURLToPath } from 'node:url';
import { dirname as __cgDirname } from 'node:path';
const require = __cgCreateRequire(import.meta.url);
const __filename = __cgFileURLToPath(import.meta.url);
const __dirname = __cgDirname(__filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/universalify/index.js
var require_universalify = __commonJS({
  "node_modules/universalify/index.js"(exports) {
    "use strict";
    exports.fromCallback = function(fn) {
      return Object.defineProperty(function(...args) {
        if (typeof args[args.length - 1] === "function") fn.apply(this, args);
        else {
          return new Promise((resolve, reject) => {
            args.push((err, res) => err != null ? reject(err) : resolve(res));
            fn.apply(this, args);
          });
        }
      }, "name", { value: fn.name });
    };
    exports.fromPromise = function(fn) {
      return Object.defineProperty(function(...args) {
        const cb = args[args.length - 1];
        if (typeof cb !== "function") return fn.apply(this, args);
        else {
          args.pop();
          fn.apply(this, args).then((r) => cb(null, r), cb);
        }
      }, "name", { value: fn.name });
    };
  }
});

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports, module) {
    var constants = __require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module.exports = patch;
    function patch(fs4) {
      if (constants.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs4);
      }
      if (!fs4.lutimes) {
        patchLutimes(fs4);
      }
      fs4.chown = chownFix(fs4.chown);
      fs4.fchown = chownFix(fs4.fchown);
      fs4.lchown = chownFix(fs4.lchown);
      fs4.chmod = chmodFix(fs4.chmod);
      fs4.fchmod = chmodFix(fs4.fchmod);
      fs4.lchmod = chmodFix(fs4.lchmod);
      fs4.chownSync = chownFixSync(fs4.chownSync);
      fs4.fchownSync = chownFixSync(fs4.fchownSync);
      fs4.lchownSync = chownFixSync(fs4.lchownSync);
      fs4.chmodSync = chmodFixSync(fs4.chmodSync);
      fs4.fchmodSync = chmodFixSync(fs4.fchmodSync);
      fs4.lchmodSync = chmodFixSync(fs4.lchmodSync);
      fs4.stat = statFix(fs4.stat);
      fs4.fstat = statFix(fs4.fstat);
      fs4.lstat = statFix(fs4.lstat);
      fs4.statSync = statFixSync(fs4.statSync);
      fs4.fstatSync = statFixSync(fs4.fstatSync);
      fs4.lstatSync = statFixSync(fs4.lstatSync);
      if (fs4.chmod && !fs4.lchmod) {
        fs4.lchmod = function(path8, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs4.lchmodSync = function() {
        };
      }
      if (fs4.chown && !fs4.lchown) {
        fs4.lchown = function(path8, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs4.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs4.rename = typeof fs4.rename !== "function" ? fs4.rename : (function(fs$rename) {
          function rename(from, to, cb) {
            var start = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start < 6e4) {
                setTimeout(function() {
                  fs4.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
          return rename;
        })(fs4.rename);
      }
      fs4.read = typeof fs4.read !== "function" ? fs4.read : (function(fs$read) {
        function read(fd, buffer, offset, length, position, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs4, fd, buffer, offset, length, position, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs4, fd, buffer, offset, length, position, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read);
        return read;
      })(fs4.read);
      fs4.readSync = typeof fs4.readSync !== "function" ? fs4.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs4, fd, buffer, offset, length, position);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs4.readSync);
      function patchLchmod(fs5) {
        fs5.lchmod = function(path8, mode, callback) {
          fs5.open(
            path8,
            constants.O_WRONLY | constants.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs5.fchmod(fd, mode, function(err2) {
                fs5.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs5.lchmodSync = function(path8, mode) {
          var fd = fs5.openSync(path8, constants.O_WRONLY | constants.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs5.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs5.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs5.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs5) {
        if (constants.hasOwnProperty("O_SYMLINK") && fs5.futimes) {
          fs5.lutimes = function(path8, at, mt, cb) {
            fs5.open(path8, constants.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs5.futimes(fd, at, mt, function(er2) {
                fs5.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs5.lutimesSync = function(path8, at, mt) {
            var fd = fs5.openSync(path8, constants.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs5.futimesSync(fd, at, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs5.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs5.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs5.futimes) {
          fs5.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs5.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs4, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs4, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs4, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs4, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs4, target, options, callback) : orig.call(fs4, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs4, target, options) : orig.call(fs4, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports, module) {
    var Stream = __require("stream").Stream;
    module.exports = legacy;
    function legacy(fs4) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path8, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path8, options);
        Stream.call(this);
        var self = this;
        this.path = path8;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self._read();
          });
          return;
        }
        fs4.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self.emit("error", err);
            self.readable = false;
            return;
          }
          self.fd = fd;
          self.emit("open", fd);
          self._read();
        });
      }
      function WriteStream(path8, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path8, options);
        Stream.call(this);
        this.path = path8;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs4.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports, module) {
    "use strict";
    module.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj2) {
      return obj2.__proto__;
    };
    function clone(obj2) {
      if (obj2 === null || typeof obj2 !== "object")
        return obj2;
      if (obj2 instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj2) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj2).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj2, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports, module) {
    var fs4 = __require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = __require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs4[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs4, queue);
      fs4.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs4, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs4.close);
      fs4.closeSync = (function(fs$closeSync) {
        function closeSync(fd) {
          fs$closeSync.apply(fs4, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync;
      })(fs4.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs4[gracefulQueue]);
          __require("assert").equal(fs4[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs4[gracefulQueue]);
    }
    module.exports = patch(clone(fs4));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs4.__patched) {
      module.exports = patch(fs4);
      fs4.__patched = true;
    }
    function patch(fs5) {
      polyfills(fs5);
      fs5.gracefulify = patch;
      fs5.createReadStream = createReadStream;
      fs5.createWriteStream = createWriteStream;
      var fs$readFile = fs5.readFile;
      fs5.readFile = readFile;
      function readFile(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path8, options, cb);
        function go$readFile(path9, options2, cb2, startTime) {
          return fs$readFile(path9, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path9, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs5.writeFile;
      fs5.writeFile = writeFile;
      function writeFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path8, data, options, cb);
        function go$writeFile(path9, data2, options2, cb2, startTime) {
          return fs$writeFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs5.appendFile;
      if (fs$appendFile)
        fs5.appendFile = appendFile;
      function appendFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path8, data, options, cb);
        function go$appendFile(path9, data2, options2, cb2, startTime) {
          return fs$appendFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs5.copyFile;
      if (fs$copyFile)
        fs5.copyFile = copyFile;
      function copyFile(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs5.readdir;
      fs5.readdir = readdir;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, options2, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path8, options, cb);
        function fs$readdirCallback(path9, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path9, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs5);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs5.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs5.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs5, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs5, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs5, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs5, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path8, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path8, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path8, options) {
        return new fs5.ReadStream(path8, options);
      }
      function createWriteStream(path8, options) {
        return new fs5.WriteStream(path8, options);
      }
      var fs$open = fs5.open;
      fs5.open = open;
      function open(path8, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path8, flags, mode, cb);
        function go$open(path9, flags2, mode2, cb2, startTime) {
          return fs$open(path9, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path9, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs5;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs4[gracefulQueue].push(elem);
      retry();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs4[gracefulQueue].length; ++i) {
        if (fs4[gracefulQueue][i].length > 2) {
          fs4[gracefulQueue][i][3] = now;
          fs4[gracefulQueue][i][4] = now;
        }
      }
      retry();
    }
    function retry() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs4[gracefulQueue].length === 0)
        return;
      var elem = fs4[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs4[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry, 0);
      }
    }
  }
});

// node_modules/fs-extra/lib/fs/index.js
var require_fs = __commonJS({
  "node_modules/fs-extra/lib/fs/index.js"(exports) {
    "use strict";
    var u = require_universalify().fromCallback;
    var fs4 = require_graceful_fs();
    var api = [
      "access",
      "appendFile",
      "chmod",
      "chown",
      "close",
      "copyFile",
      "cp",
      "fchmod",
      "fchown",
      "fdatasync",
      "fstat",
      "fsync",
      "ftruncate",
      "futimes",
      "glob",
      "lchmod",
      "lchown",
      "lutimes",
      "link",
      "lstat",
      "mkdir",
      "mkdtemp",
      "open",
      "opendir",
      "readdir",
      "readFile",
      "readlink",
      "realpath",
      "rename",
      "rm",
      "rmdir",
      "stat",
      "statfs",
      "symlink",
      "truncate",
      "unlink",
      "utimes",
      "writeFile"
    ].filter((key) => {
      return typeof fs4[key] === "function";
    });
    Object.assign(exports, fs4);
    api.forEach((method) => {
      exports[method] = u(fs4[method]);
    });
    exports.exists = function(filename, callback) {
      if (typeof callback === "function") {
        return fs4.exists(filename, callback);
      }
      return new Promise((resolve) => {
        return fs4.exists(filename, resolve);
      });
    };
    exports.read = function(fd, buffer, offset, length, position, callback) {
      if (typeof callback === "function") {
        return fs4.read(fd, buffer, offset, length, position, callback);
      }
      return new Promise((resolve, reject) => {
        fs4.read(fd, buffer, offset, length, position, (err, bytesRead, buffer2) => {
          if (err) return reject(err);
          resolve({ bytesRead, buffer: buffer2 });
        });
      });
    };
    exports.write = function(fd, buffer, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs4.write(fd, buffer, ...args);
      }
      return new Promise((resolve, reject) => {
        fs4.write(fd, buffer, ...args, (err, bytesWritten, buffer2) => {
          if (err) return reject(err);
          resolve({ bytesWritten, buffer: buffer2 });
        });
      });
    };
    exports.readv = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs4.readv(fd, buffers, ...args);
      }
      return new Promise((resolve, reject) => {
        fs4.readv(fd, buffers, ...args, (err, bytesRead, buffers2) => {
          if (err) return reject(err);
          resolve({ bytesRead, buffers: buffers2 });
        });
      });
    };
    exports.writev = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs4.writev(fd, buffers, ...args);
      }
      return new Promise((resolve, reject) => {
        fs4.writev(fd, buffers, ...args, (err, bytesWritten, buffers2) => {
          if (err) return reject(err);
          resolve({ bytesWritten, buffers: buffers2 });
        });
      });
    };
    if (typeof fs4.realpath.native === "function") {
      exports.realpath.native = u(fs4.realpath.native);
    } else {
      process.emitWarning(
        "fs.realpath.native is not a function. Is fs being monkey-patched?",
        "Warning",
        "fs-extra-WARN0003"
      );
    }
  }
});

// node_modules/fs-extra/lib/mkdirs/utils.js
var require_utils = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/utils.js"(exports, module) {
    "use strict";
    var path8 = __require("path");
    module.exports.checkPath = function checkPath(pth) {
      if (process.platform === "win32") {
        const pathHasInvalidWinCharacters = /[<>:"|?*]/.test(pth.replace(path8.parse(pth).root, ""));
        if (pathHasInvalidWinCharacters) {
          const error = new Error(`Path contains invalid characters: ${pth}`);
          error.code = "EINVAL";
          throw error;
        }
      }
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/make-dir.js
var require_make_dir = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/make-dir.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var { checkPath } = require_utils();
    var getMode = (options) => {
      const defaults = { mode: 511 };
      if (typeof options === "number") return options;
      return { ...defaults, ...options }.mode;
    };
    module.exports.makeDir = async (dir, options) => {
      checkPath(dir);
      return fs4.mkdir(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
    module.exports.makeDirSync = (dir, options) => {
      checkPath(dir);
      return fs4.mkdirSync(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/index.js
var require_mkdirs = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var { makeDir: _makeDir, makeDirSync } = require_make_dir();
    var makeDir = u(_makeDir);
    module.exports = {
      mkdirs: makeDir,
      mkdirsSync: makeDirSync,
      // alias
      mkdirp: makeDir,
      mkdirpSync: makeDirSync,
      ensureDir: makeDir,
      ensureDirSync: makeDirSync
    };
  }
});

// node_modules/fs-extra/lib/path-exists/index.js
var require_path_exists = __commonJS({
  "node_modules/fs-extra/lib/path-exists/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs4 = require_fs();
    function pathExists(path8) {
      return fs4.access(path8).then(() => true).catch(() => false);
    }
    module.exports = {
      pathExists: u(pathExists),
      pathExistsSync: fs4.existsSync
    };
  }
});

// node_modules/fs-extra/lib/util/utimes.js
var require_utimes = __commonJS({
  "node_modules/fs-extra/lib/util/utimes.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var u = require_universalify().fromPromise;
    async function utimesMillis(path8, atime, mtime) {
      const fd = await fs4.open(path8, "r+");
      let closeErr = null;
      try {
        await fs4.futimes(fd, atime, mtime);
      } finally {
        try {
          await fs4.close(fd);
        } catch (e) {
          closeErr = e;
        }
      }
      if (closeErr) {
        throw closeErr;
      }
    }
    function utimesMillisSync(path8, atime, mtime) {
      const fd = fs4.openSync(path8, "r+");
      fs4.futimesSync(fd, atime, mtime);
      return fs4.closeSync(fd);
    }
    module.exports = {
      utimesMillis: u(utimesMillis),
      utimesMillisSync
    };
  }
});

// node_modules/fs-extra/lib/util/stat.js
var require_stat = __commonJS({
  "node_modules/fs-extra/lib/util/stat.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var path8 = __require("path");
    var u = require_universalify().fromPromise;
    function getStats(src, dest, opts) {
      const statFunc = opts.dereference ? (file) => fs4.stat(file, { bigint: true }) : (file) => fs4.lstat(file, { bigint: true });
      return Promise.all([
        statFunc(src),
        statFunc(dest).catch((err) => {
          if (err.code === "ENOENT") return null;
          throw err;
        })
      ]).then(([srcStat, destStat]) => ({ srcStat, destStat }));
    }
    function getStatsSync(src, dest, opts) {
      let destStat;
      const statFunc = opts.dereference ? (file) => fs4.statSync(file, { bigint: true }) : (file) => fs4.lstatSync(file, { bigint: true });
      const srcStat = statFunc(src);
      try {
        destStat = statFunc(dest);
      } catch (err) {
        if (err.code === "ENOENT") return { srcStat, destStat: null };
        throw err;
      }
      return { srcStat, destStat };
    }
    async function checkPaths(src, dest, funcName, opts) {
      const { srcStat, destStat } = await getStats(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path8.basename(src);
          const destBaseName = path8.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    function checkPathsSync(src, dest, funcName, opts) {
      const { srcStat, destStat } = getStatsSync(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path8.basename(src);
          const destBaseName = path8.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    async function checkParentPaths(src, srcStat, dest, funcName) {
      const srcParent = path8.resolve(path8.dirname(src));
      const destParent = path8.resolve(path8.dirname(dest));
      if (destParent === srcParent || destParent === path8.parse(destParent).root) return;
      let destStat;
      try {
        destStat = await fs4.stat(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPaths(src, srcStat, destParent, funcName);
    }
    function checkParentPathsSync(src, srcStat, dest, funcName) {
      const srcParent = path8.resolve(path8.dirname(src));
      const destParent = path8.resolve(path8.dirname(dest));
      if (destParent === srcParent || destParent === path8.parse(destParent).root) return;
      let destStat;
      try {
        destStat = fs4.statSync(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPathsSync(src, srcStat, destParent, funcName);
    }
    function areIdentical(srcStat, destStat) {
      return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
    }
    function isSrcSubdir(src, dest) {
      const srcArr = path8.resolve(src).split(path8.sep).filter((i) => i);
      const destArr = path8.resolve(dest).split(path8.sep).filter((i) => i);
      return srcArr.every((cur, i) => destArr[i] === cur);
    }
    function errMsg(src, dest, funcName) {
      return `Cannot ${funcName} '${src}' to a subdirectory of itself, '${dest}'.`;
    }
    module.exports = {
      // checkPaths
      checkPaths: u(checkPaths),
      checkPathsSync,
      // checkParent
      checkParentPaths: u(checkParentPaths),
      checkParentPathsSync,
      // Misc
      isSrcSubdir,
      areIdentical
    };
  }
});

// node_modules/fs-extra/lib/copy/copy.js
var require_copy = __commonJS({
  "node_modules/fs-extra/lib/copy/copy.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var path8 = __require("path");
    var { mkdirs } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { utimesMillis } = require_utimes();
    var stat = require_stat();
    async function copy(src, dest, opts = {}) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0001"
        );
      }
      const { srcStat, destStat } = await stat.checkPaths(src, dest, "copy", opts);
      await stat.checkParentPaths(src, srcStat, dest, "copy");
      const include = await runFilter(src, dest, opts);
      if (!include) return;
      const destParent = path8.dirname(dest);
      const dirExists = await pathExists(destParent);
      if (!dirExists) {
        await mkdirs(destParent);
      }
      await getStatsAndPerformCopy(destStat, src, dest, opts);
    }
    async function runFilter(src, dest, opts) {
      if (!opts.filter) return true;
      return opts.filter(src, dest);
    }
    async function getStatsAndPerformCopy(destStat, src, dest, opts) {
      const statFn = opts.dereference ? fs4.stat : fs4.lstat;
      const srcStat = await statFn(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    async function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      if (opts.overwrite) {
        await fs4.unlink(dest);
        return copyFile(srcStat, src, dest, opts);
      }
      if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    async function copyFile(srcStat, src, dest, opts) {
      await fs4.copyFile(src, dest);
      if (opts.preserveTimestamps) {
        if (fileIsNotWritable(srcStat.mode)) {
          await makeFileWritable(dest, srcStat.mode);
        }
        const updatedSrcStat = await fs4.stat(src);
        await utimesMillis(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
      }
      return fs4.chmod(dest, srcStat.mode);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return fs4.chmod(dest, srcMode | 128);
    }
    async function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) {
        await fs4.mkdir(dest);
      }
      const promises = [];
      for await (const item of await fs4.opendir(src)) {
        const srcItem = path8.join(src, item.name);
        const destItem = path8.join(dest, item.name);
        promises.push(
          runFilter(srcItem, destItem, opts).then((include) => {
            if (include) {
              return stat.checkPaths(srcItem, destItem, "copy", opts).then(({ destStat: destStat2 }) => {
                return getStatsAndPerformCopy(destStat2, srcItem, destItem, opts);
              });
            }
          })
        );
      }
      await Promise.all(promises);
      if (!destStat) {
        await fs4.chmod(dest, srcStat.mode);
      }
    }
    async function onLink(destStat, src, dest, opts) {
      let resolvedSrc = await fs4.readlink(src);
      if (opts.dereference) {
        resolvedSrc = path8.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs4.symlink(resolvedSrc, dest);
      }
      let resolvedDest = null;
      try {
        resolvedDest = await fs4.readlink(dest);
      } catch (e) {
        if (e.code === "EINVAL" || e.code === "UNKNOWN") return fs4.symlink(resolvedSrc, dest);
        throw e;
      }
      if (opts.dereference) {
        resolvedDest = path8.resolve(process.cwd(), resolvedDest);
      }
      if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
        throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
      }
      if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
        throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
      }
      await fs4.unlink(dest);
      return fs4.symlink(resolvedSrc, dest);
    }
    module.exports = copy;
  }
});

// node_modules/fs-extra/lib/copy/copy-sync.js
var require_copy_sync = __commonJS({
  "node_modules/fs-extra/lib/copy/copy-sync.js"(exports, module) {
    "use strict";
    var fs4 = require_graceful_fs();
    var path8 = __require("path");
    var mkdirsSync = require_mkdirs().mkdirsSync;
    var utimesMillisSync = require_utimes().utimesMillisSync;
    var stat = require_stat();
    function copySync(src, dest, opts) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts = opts || {};
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0002"
        );
      }
      const { srcStat, destStat } = stat.checkPathsSync(src, dest, "copy", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "copy");
      if (opts.filter && !opts.filter(src, dest)) return;
      const destParent = path8.dirname(dest);
      if (!fs4.existsSync(destParent)) mkdirsSync(destParent);
      return getStats(destStat, src, dest, opts);
    }
    function getStats(destStat, src, dest, opts) {
      const statSync = opts.dereference ? fs4.statSync : fs4.lstatSync;
      const srcStat = statSync(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      else if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      else if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      else if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      return mayCopyFile(srcStat, src, dest, opts);
    }
    function mayCopyFile(srcStat, src, dest, opts) {
      if (opts.overwrite) {
        fs4.unlinkSync(dest);
        return copyFile(srcStat, src, dest, opts);
      } else if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    function copyFile(srcStat, src, dest, opts) {
      fs4.copyFileSync(src, dest);
      if (opts.preserveTimestamps) handleTimestamps(srcStat.mode, src, dest);
      return setDestMode(dest, srcStat.mode);
    }
    function handleTimestamps(srcMode, src, dest) {
      if (fileIsNotWritable(srcMode)) makeFileWritable(dest, srcMode);
      return setDestTimestamps(src, dest);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return setDestMode(dest, srcMode | 128);
    }
    function setDestMode(dest, srcMode) {
      return fs4.chmodSync(dest, srcMode);
    }
    function setDestTimestamps(src, dest) {
      const updatedSrcStat = fs4.statSync(src);
      return utimesMillisSync(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
    }
    function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) return mkDirAndCopy(srcStat.mode, src, dest, opts);
      return copyDir(src, dest, opts);
    }
    function mkDirAndCopy(srcMode, src, dest, opts) {
      fs4.mkdirSync(dest);
      copyDir(src, dest, opts);
      return setDestMode(dest, srcMode);
    }
    function copyDir(src, dest, opts) {
      const dir = fs4.opendirSync(src);
      try {
        let dirent;
        while ((dirent = dir.readSync()) !== null) {
          copyDirItem(dirent.name, src, dest, opts);
        }
      } finally {
        dir.closeSync();
      }
    }
    function copyDirItem(item, src, dest, opts) {
      const srcItem = path8.join(src, item);
      const destItem = path8.join(dest, item);
      if (opts.filter && !opts.filter(srcItem, destItem)) return;
      const { destStat } = stat.checkPathsSync(srcItem, destItem, "copy", opts);
      return getStats(destStat, srcItem, destItem, opts);
    }
    function onLink(destStat, src, dest, opts) {
      let resolvedSrc = fs4.readlinkSync(src);
      if (opts.dereference) {
        resolvedSrc = path8.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs4.symlinkSync(resolvedSrc, dest);
      } else {
        let resolvedDest;
        try {
          resolvedDest = fs4.readlinkSync(dest);
        } catch (err) {
          if (err.code === "EINVAL" || err.code === "UNKNOWN") return fs4.symlinkSync(resolvedSrc, dest);
          throw err;
        }
        if (opts.dereference) {
          resolvedDest = path8.resolve(process.cwd(), resolvedDest);
        }
        if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
        }
        if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
        }
        return copyLink(resolvedSrc, dest);
      }
    }
    function copyLink(resolvedSrc, dest) {
      fs4.unlinkSync(dest);
      return fs4.symlinkSync(resolvedSrc, dest);
    }
    module.exports = copySync;
  }
});

// node_modules/fs-extra/lib/copy/index.js
var require_copy2 = __commonJS({
  "node_modules/fs-extra/lib/copy/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    module.exports = {
      copy: u(require_copy()),
      copySync: require_copy_sync()
    };
  }
});

// node_modules/fs-extra/lib/remove/index.js
var require_remove = __commonJS({
  "node_modules/fs-extra/lib/remove/index.js"(exports, module) {
    "use strict";
    var fs4 = require_graceful_fs();
    var u = require_universalify().fromCallback;
    function remove(path8, callback) {
      fs4.rm(path8, { recursive: true, force: true }, callback);
    }
    function removeSync(path8) {
      fs4.rmSync(path8, { recursive: true, force: true });
    }
    module.exports = {
      remove: u(remove),
      removeSync
    };
  }
});

// node_modules/fs-extra/lib/empty/index.js
var require_empty = __commonJS({
  "node_modules/fs-extra/lib/empty/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs4 = require_fs();
    var path8 = __require("path");
    var mkdir = require_mkdirs();
    var remove = require_remove();
    var emptyDir = u(async function emptyDir2(dir) {
      let items;
      try {
        items = await fs4.readdir(dir);
      } catch {
        return mkdir.mkdirs(dir);
      }
      return Promise.all(items.map((item) => remove.remove(path8.join(dir, item))));
    });
    function emptyDirSync(dir) {
      let items;
      try {
        items = fs4.readdirSync(dir);
      } catch {
        return mkdir.mkdirsSync(dir);
      }
      items.forEach((item) => {
        item = path8.join(dir, item);
        remove.removeSync(item);
      });
    }
    module.exports = {
      emptyDirSync,
      emptydirSync: emptyDirSync,
      emptyDir,
      emptydir: emptyDir
    };
  }
});

// node_modules/fs-extra/lib/ensure/file.js
var require_file = __commonJS({
  "node_modules/fs-extra/lib/ensure/file.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path8 = __require("path");
    var fs4 = require_fs();
    var mkdir = require_mkdirs();
    async function createFile(file) {
      let stats;
      try {
        stats = await fs4.stat(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path8.dirname(file);
      let dirStats = null;
      try {
        dirStats = await fs4.stat(dir);
      } catch (err) {
        if (err.code === "ENOENT") {
          await mkdir.mkdirs(dir);
          await fs4.writeFile(file, "");
          return;
        } else {
          throw err;
        }
      }
      if (dirStats.isDirectory()) {
        await fs4.writeFile(file, "");
      } else {
        await fs4.readdir(dir);
      }
    }
    function createFileSync(file) {
      let stats;
      try {
        stats = fs4.statSync(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path8.dirname(file);
      try {
        if (!fs4.statSync(dir).isDirectory()) {
          fs4.readdirSync(dir);
        }
      } catch (err) {
        if (err && err.code === "ENOENT") mkdir.mkdirsSync(dir);
        else throw err;
      }
      fs4.writeFileSync(file, "");
    }
    module.exports = {
      createFile: u(createFile),
      createFileSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/link.js
var require_link = __commonJS({
  "node_modules/fs-extra/lib/ensure/link.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path8 = __require("path");
    var fs4 = require_fs();
    var mkdir = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createLink(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = await fs4.lstat(dstpath);
      } catch {
      }
      let srcStat;
      try {
        srcStat = await fs4.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      if (dstStat && areIdentical(srcStat, dstStat)) return;
      const dir = path8.dirname(dstpath);
      const dirExists = await pathExists(dir);
      if (!dirExists) {
        await mkdir.mkdirs(dir);
      }
      await fs4.link(srcpath, dstpath);
    }
    function createLinkSync(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = fs4.lstatSync(dstpath);
      } catch {
      }
      try {
        const srcStat = fs4.lstatSync(srcpath);
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      const dir = path8.dirname(dstpath);
      const dirExists = fs4.existsSync(dir);
      if (dirExists) return fs4.linkSync(srcpath, dstpath);
      mkdir.mkdirsSync(dir);
      return fs4.linkSync(srcpath, dstpath);
    }
    module.exports = {
      createLink: u(createLink),
      createLinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-paths.js
var require_symlink_paths = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-paths.js"(exports, module) {
    "use strict";
    var path8 = __require("path");
    var fs4 = require_fs();
    var { pathExists } = require_path_exists();
    var u = require_universalify().fromPromise;
    async function symlinkPaths(srcpath, dstpath) {
      if (path8.isAbsolute(srcpath)) {
        try {
          await fs4.lstat(srcpath);
        } catch (err) {
          err.message = err.message.replace("lstat", "ensureSymlink");
          throw err;
        }
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path8.dirname(dstpath);
      const relativeToDst = path8.join(dstdir, srcpath);
      const exists = await pathExists(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      try {
        await fs4.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureSymlink");
        throw err;
      }
      return {
        toCwd: srcpath,
        toDst: path8.relative(dstdir, srcpath)
      };
    }
    function symlinkPathsSync(srcpath, dstpath) {
      if (path8.isAbsolute(srcpath)) {
        const exists2 = fs4.existsSync(srcpath);
        if (!exists2) throw new Error("absolute srcpath does not exist");
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path8.dirname(dstpath);
      const relativeToDst = path8.join(dstdir, srcpath);
      const exists = fs4.existsSync(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      const srcExists = fs4.existsSync(srcpath);
      if (!srcExists) throw new Error("relative srcpath does not exist");
      return {
        toCwd: srcpath,
        toDst: path8.relative(dstdir, srcpath)
      };
    }
    module.exports = {
      symlinkPaths: u(symlinkPaths),
      symlinkPathsSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-type.js
var require_symlink_type = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-type.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var u = require_universalify().fromPromise;
    async function symlinkType(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = await fs4.lstat(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    function symlinkTypeSync(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = fs4.lstatSync(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    module.exports = {
      symlinkType: u(symlinkType),
      symlinkTypeSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink.js
var require_symlink = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path8 = __require("path");
    var fs4 = require_fs();
    var { mkdirs, mkdirsSync } = require_mkdirs();
    var { symlinkPaths, symlinkPathsSync } = require_symlink_paths();
    var { symlinkType, symlinkTypeSync } = require_symlink_type();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createSymlink(srcpath, dstpath, type) {
      let stats;
      try {
        stats = await fs4.lstat(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const [srcStat, dstStat] = await Promise.all([
          fs4.stat(srcpath),
          fs4.stat(dstpath)
        ]);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative = await symlinkPaths(srcpath, dstpath);
      srcpath = relative.toDst;
      const toType = await symlinkType(relative.toCwd, type);
      const dir = path8.dirname(dstpath);
      if (!await pathExists(dir)) {
        await mkdirs(dir);
      }
      return fs4.symlink(srcpath, dstpath, toType);
    }
    function createSymlinkSync(srcpath, dstpath, type) {
      let stats;
      try {
        stats = fs4.lstatSync(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const srcStat = fs4.statSync(srcpath);
        const dstStat = fs4.statSync(dstpath);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative = symlinkPathsSync(srcpath, dstpath);
      srcpath = relative.toDst;
      type = symlinkTypeSync(relative.toCwd, type);
      const dir = path8.dirname(dstpath);
      const exists = fs4.existsSync(dir);
      if (exists) return fs4.symlinkSync(srcpath, dstpath, type);
      mkdirsSync(dir);
      return fs4.symlinkSync(srcpath, dstpath, type);
    }
    module.exports = {
      createSymlink: u(createSymlink),
      createSymlinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/index.js
var require_ensure = __commonJS({
  "node_modules/fs-extra/lib/ensure/index.js"(exports, module) {
    "use strict";
    var { createFile, createFileSync } = require_file();
    var { createLink, createLinkSync } = require_link();
    var { createSymlink, createSymlinkSync } = require_symlink();
    module.exports = {
      // file
      createFile,
      createFileSync,
      ensureFile: createFile,
      ensureFileSync: createFileSync,
      // link
      createLink,
      createLinkSync,
      ensureLink: createLink,
      ensureLinkSync: createLinkSync,
      // symlink
      createSymlink,
      createSymlinkSync,
      ensureSymlink: createSymlink,
      ensureSymlinkSync: createSymlinkSync
    };
  }
});

// node_modules/jsonfile/utils.js
var require_utils2 = __commonJS({
  "node_modules/jsonfile/utils.js"(exports, module) {
    function stringify(obj2, { EOL = "\n", finalEOL = true, replacer = null, spaces } = {}) {
      const EOF = finalEOL ? EOL : "";
      const str2 = JSON.stringify(obj2, replacer, spaces);
      if (str2 === void 0) {
        throw new TypeError(`Converting ${typeof obj2} value to JSON is not supported`);
      }
      return str2.replace(/\n/g, EOL) + EOF;
    }
    function stripBom(content) {
      if (Buffer.isBuffer(content)) content = content.toString("utf8");
      return content.replace(/^\uFEFF/, "");
    }
    module.exports = { stringify, stripBom };
  }
});

// node_modules/jsonfile/index.js
var require_jsonfile = __commonJS({
  "node_modules/jsonfile/index.js"(exports, module) {
    var _fs;
    try {
      _fs = require_graceful_fs();
    } catch (_) {
      _fs = __require("fs");
    }
    var universalify = require_universalify();
    var { stringify, stripBom } = require_utils2();
    async function _readFile(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs4 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      let data = await universalify.fromCallback(fs4.readFile)(file, options);
      data = stripBom(data);
      let obj2;
      try {
        obj2 = JSON.parse(data, options ? options.reviver : null);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
      return obj2;
    }
    var readFile = universalify.fromPromise(_readFile);
    function readFileSync5(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs4 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      try {
        let content = fs4.readFileSync(file, options);
        content = stripBom(content);
        return JSON.parse(content, options.reviver);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
    }
    async function _writeFile(file, obj2, options = {}) {
      const fs4 = options.fs || _fs;
      const str2 = stringify(obj2, options);
      await universalify.fromCallback(fs4.writeFile)(file, str2, options);
    }
    var writeFile = universalify.fromPromise(_writeFile);
    function writeFileSync3(file, obj2, options = {}) {
      const fs4 = options.fs || _fs;
      const str2 = stringify(obj2, options);
      return fs4.writeFileSync(file, str2, options);
    }
    module.exports = {
      readFile,
      readFileSync: readFileSync5,
      writeFile,
      writeFileSync: writeFileSync3
    };
  }
});

// node_modules/fs-extra/lib/json/jsonfile.js
var require_jsonfile2 = __commonJS({
  "node_modules/fs-extra/lib/json/jsonfile.js"(exports, module) {
    "use strict";
    var jsonFile = require_jsonfile();
    module.exports = {
      // jsonfile exports
      readJson: jsonFile.readFile,
      readJsonSync: jsonFile.readFileSync,
      writeJson: jsonFile.writeFile,
      writeJsonSync: jsonFile.writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/output-file/index.js
var require_output_file = __commonJS({
  "node_modules/fs-extra/lib/output-file/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs4 = require_fs();
    var path8 = __require("path");
    var mkdir = require_mkdirs();
    var pathExists = require_path_exists().pathExists;
    async function outputFile(file, data, encoding = "utf-8") {
      const dir = path8.dirname(file);
      if (!await pathExists(dir)) {
        await mkdir.mkdirs(dir);
      }
      return fs4.writeFile(file, data, encoding);
    }
    function outputFileSync(file, ...args) {
      const dir = path8.dirname(file);
      if (!fs4.existsSync(dir)) {
        mkdir.mkdirsSync(dir);
      }
      fs4.writeFileSync(file, ...args);
    }
    module.exports = {
      outputFile: u(outputFile),
      outputFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/output-json.js
var require_output_json = __commonJS({
  "node_modules/fs-extra/lib/json/output-json.js"(exports, module) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFile } = require_output_file();
    async function outputJson(file, data, options = {}) {
      const str2 = stringify(data, options);
      await outputFile(file, str2, options);
    }
    module.exports = outputJson;
  }
});

// node_modules/fs-extra/lib/json/output-json-sync.js
var require_output_json_sync = __commonJS({
  "node_modules/fs-extra/lib/json/output-json-sync.js"(exports, module) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFileSync } = require_output_file();
    function outputJsonSync(file, data, options) {
      const str2 = stringify(data, options);
      outputFileSync(file, str2, options);
    }
    module.exports = outputJsonSync;
  }
});

// node_modules/fs-extra/lib/json/index.js
var require_json = __commonJS({
  "node_modules/fs-extra/lib/json/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var jsonFile = require_jsonfile2();
    jsonFile.outputJson = u(require_output_json());
    jsonFile.outputJsonSync = require_output_json_sync();
    jsonFile.outputJSON = jsonFile.outputJson;
    jsonFile.outputJSONSync = jsonFile.outputJsonSync;
    jsonFile.writeJSON = jsonFile.writeJson;
    jsonFile.writeJSONSync = jsonFile.writeJsonSync;
    jsonFile.readJSON = jsonFile.readJson;
    jsonFile.readJSONSync = jsonFile.readJsonSync;
    module.exports = jsonFile;
  }
});

// node_modules/fs-extra/lib/move/move.js
var require_move = __commonJS({
  "node_modules/fs-extra/lib/move/move.js"(exports, module) {
    "use strict";
    var fs4 = require_fs();
    var path8 = __require("path");
    var { copy } = require_copy2();
    var { remove } = require_remove();
    var { mkdirp } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var stat = require_stat();
    async function move(src, dest, opts = {}) {
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = await stat.checkPaths(src, dest, "move", opts);
      await stat.checkParentPaths(src, srcStat, dest, "move");
      const destParent = path8.dirname(dest);
      const parsedParentPath = path8.parse(destParent);
      if (parsedParentPath.root !== destParent) {
        await mkdirp(destParent);
      }
      return doRename(src, dest, overwrite, isChangingCase);
    }
    async function doRename(src, dest, overwrite, isChangingCase) {
      if (!isChangingCase) {
        if (overwrite) {
          await remove(dest);
        } else if (await pathExists(dest)) {
          throw new Error("dest already exists.");
        }
      }
      try {
        await fs4.rename(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") {
          throw err;
        }
        await moveAcrossDevice(src, dest, overwrite);
      }
    }
    async function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      await copy(src, dest, opts);
      return remove(src);
    }
    module.exports = move;
  }
});

// node_modules/fs-extra/lib/move/move-sync.js
var require_move_sync = __commonJS({
  "node_modules/fs-extra/lib/move/move-sync.js"(exports, module) {
    "use strict";
    var fs4 = require_graceful_fs();
    var path8 = __require("path");
    var copySync = require_copy2().copySync;
    var removeSync = require_remove().removeSync;
    var mkdirpSync = require_mkdirs().mkdirpSync;
    var stat = require_stat();
    function moveSync(src, dest, opts) {
      opts = opts || {};
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = stat.checkPathsSync(src, dest, "move", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "move");
      if (!isParentRoot(dest)) mkdirpSync(path8.dirname(dest));
      return doRename(src, dest, overwrite, isChangingCase);
    }
    function isParentRoot(dest) {
      const parent = path8.dirname(dest);
      const parsedPath = path8.parse(parent);
      return parsedPath.root === parent;
    }
    function doRename(src, dest, overwrite, isChangingCase) {
      if (isChangingCase) return rename(src, dest, overwrite);
      if (overwrite) {
        removeSync(dest);
        return rename(src, dest, overwrite);
      }
      if (fs4.existsSync(dest)) throw new Error("dest already exists.");
      return rename(src, dest, overwrite);
    }
    function rename(src, dest, overwrite) {
      try {
        fs4.renameSync(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") throw err;
        return moveAcrossDevice(src, dest, overwrite);
      }
    }
    function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      copySync(src, dest, opts);
      return removeSync(src);
    }
    module.exports = moveSync;
  }
});

// node_modules/fs-extra/lib/move/index.js
var require_move2 = __commonJS({
  "node_modules/fs-extra/lib/move/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    module.exports = {
      move: u(require_move()),
      moveSync: require_move_sync()
    };
  }
});

// node_modules/fs-extra/lib/index.js
var require_lib = __commonJS({
  "node_modules/fs-extra/lib/index.js"(exports, module) {
    "use strict";
    module.exports = {
      // Export promiseified graceful-fs:
      ...require_fs(),
      // Export extra methods:
      ...require_copy2(),
      ...require_empty(),
      ...require_ensure(),
      ...require_json(),
      ...require_mkdirs(),
      ...require_move2(),
      ...require_output_file(),
      ...require_path_exists(),
      ...require_remove()
    };
  }
});

// node_modules/@cdktf/hcl2json/lib/deepmerge.js
var require_deepmerge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/deepmerge.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.deepMerge = void 0;
    function deepMerge(target, ...sources) {
      for (const source of sources) {
        if (typeof source !== "object" || typeof target !== "object") {
          throw new Error(`Invalid usage. Both source (${JSON.stringify(source)}) and target (${JSON.stringify(target)}) must be objects`);
        }
        for (const key of Object.keys(source)) {
          const value = source[key];
          if (typeof value === "object" && value != null && !Array.isArray(value)) {
            if (typeof target[key] !== "object") {
              target[key] = {};
            }
            deepMerge(target[key], value);
            const output = target[key];
            if (typeof output === "object" && Object.keys(output).length === 0) {
              delete target[key];
            }
          } else if (typeof value === "object" && value != null && Array.isArray(value)) {
            if (Array.isArray(target[key])) {
              target[key] = [...target[key], ...value];
            } else {
              target[key] = value;
            }
          } else if (value === void 0) {
            delete target[key];
          } else {
            target[key] = value;
          }
        }
      }
      return target;
    }
    exports.deepMerge = deepMerge;
  }
});

// node_modules/@cdktf/hcl2json/lib/syntax-tree.js
var require_syntax_tree = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/syntax-tree.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getChildWithValue = exports.isIndexTraversalPart = exports.isNameTraversalPart = exports.isObjectExpression = exports.isTupleExpression = exports.isBinaryOpExpression = exports.isUnaryOpExpression = exports.isConditionalExpression = exports.isSplatExpression = exports.isIndexExpression = exports.isLiteralValueExpression = exports.isRelativeTraversalExpression = exports.isScopeTraversalExpression = exports.isFunctionCallExpression = exports.isTemplateExpression = exports.isTemplateWrapExpression = exports.isForExpression = void 0;
    function isForExpression(ast) {
      return ast.type === "for";
    }
    exports.isForExpression = isForExpression;
    function isTemplateWrapExpression(ast) {
      return ast.type === "templateWrap";
    }
    exports.isTemplateWrapExpression = isTemplateWrapExpression;
    function isTemplateExpression(ast) {
      return ast.type === "template";
    }
    exports.isTemplateExpression = isTemplateExpression;
    function isFunctionCallExpression(ast) {
      return ast.type === "function";
    }
    exports.isFunctionCallExpression = isFunctionCallExpression;
    function isScopeTraversalExpression(ast) {
      return ast.type === "scopeTraversal";
    }
    exports.isScopeTraversalExpression = isScopeTraversalExpression;
    function isRelativeTraversalExpression(ast) {
      return ast.type === "relativeTraversal";
    }
    exports.isRelativeTraversalExpression = isRelativeTraversalExpression;
    function isLiteralValueExpression(ast) {
      return ast.type === "literalValue";
    }
    exports.isLiteralValueExpression = isLiteralValueExpression;
    function isIndexExpression(ast) {
      return ast.type === "index";
    }
    exports.isIndexExpression = isIndexExpression;
    function isSplatExpression(ast) {
      return ast.type === "splat";
    }
    exports.isSplatExpression = isSplatExpression;
    function isConditionalExpression(ast) {
      return ast.type === "conditional";
    }
    exports.isConditionalExpression = isConditionalExpression;
    function isUnaryOpExpression(ast) {
      return ast.type === "unaryOp";
    }
    exports.isUnaryOpExpression = isUnaryOpExpression;
    function isBinaryOpExpression(ast) {
      return ast.type === "binaryOp";
    }
    exports.isBinaryOpExpression = isBinaryOpExpression;
    function isTupleExpression(ast) {
      return ast.type === "tuple";
    }
    exports.isTupleExpression = isTupleExpression;
    function isObjectExpression(part) {
      return part.type === "object";
    }
    exports.isObjectExpression = isObjectExpression;
    function isNameTraversalPart(part) {
      return part.type === "nameTraversal";
    }
    exports.isNameTraversalPart = isNameTraversalPart;
    function isIndexTraversalPart(part) {
      return part.type === "indexTraversal";
    }
    exports.isIndexTraversalPart = isIndexTraversalPart;
    function getChildWithValue(node, value) {
      if (!node.children) {
        return null;
      }
      return node.children.find((child) => {
        if (!child.meta)
          return false;
        return child.meta.value === value;
      });
    }
    exports.getChildWithValue = getChildWithValue;
  }
});

// node_modules/@cdktf/hcl2json/lib/references.js
var require_references = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/references.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.findAllReferencesInAst = exports.traversalToReference = void 0;
    var syntax_tree_1 = require_syntax_tree();
    function traversalToReference(traversalExpression, localVariables) {
      const meta = traversalExpression.meta;
      function onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(traversals) {
        let filtered = [];
        let index = 0;
        for (const traversal of traversals) {
          if ("segment" in traversal) {
            if (index === 0) {
              if (localVariables === null || localVariables === void 0 ? void 0 : localVariables.includes(traversal.segment)) {
                return [];
              }
            }
            filtered.push(traversal);
          } else {
            return filtered;
          }
        }
        return filtered;
      }
      const filteredParts = onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(meta.traversal);
      if (filteredParts.length === 0) {
        return null;
      }
      const startPosition = filteredParts[0].range.start.byte;
      const endPosition = filteredParts[filteredParts.length - 1].range.end.byte;
      return {
        value: filteredParts.map((part) => part.segment).join("."),
        startPosition,
        endPosition
      };
    }
    exports.traversalToReference = traversalToReference;
    function findAllReferencesInAst(input, entry, localVariables) {
      if (!entry) {
        return [];
      }
      switch (entry.type) {
        case "scopeTraversal": {
          const reference = traversalToReference(entry, localVariables);
          if (reference)
            return [reference];
          return [];
        }
        case "for": {
          const meta = entry.meta;
          const additionalLocalVariables = [
            meta.keyVar,
            meta.valVar,
            ...localVariables || []
          ];
          return [
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.collectionExpression), additionalLocalVariables),
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.conditionalExpression), additionalLocalVariables)
          ];
        }
        default:
          return entry.children.map((child) => findAllReferencesInAst(input, child, localVariables)).flat();
      }
    }
    exports.findAllReferencesInAst = findAllReferencesInAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/util.js
var require_util = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.wrapTerraformExpression = exports.replaceQuotes = void 0;
    function replaceQuotes(input) {
      const fullyQuotedMatch = /^(\s*")(.*)("\s*)$/.exec(input);
      const hasTemplate = /(?<!\$)\$\{/.test(input);
      if (fullyQuotedMatch !== null && !hasTemplate) {
        return `${fullyQuotedMatch[1]}${fullyQuotedMatch[2].replace(/"/g, `\\"`)}${fullyQuotedMatch[3]}`;
      }
      return input;
    }
    exports.replaceQuotes = replaceQuotes;
    function wrapTerraformExpression(input) {
      input = replaceQuotes(input);
      if (!isNaN(Number(input))) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input === "true" || input === "false") {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith(`"`)) {
        if (input.indexOf("\n") >= 0) {
          const trimWrapped = input.substring(1, input.length - 1);
          return {
            wrap: `<<EOE
${trimWrapped}
EOE
`,
            wrapOffset: 5
          };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("[") || input.startsWith("{")) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("<<")) {
        if (!input.endsWith("\n")) {
          return { wrap: input + "\n", wrapOffset: 0 };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      return { wrap: `"${input}"`, wrapOffset: 1 };
    }
    exports.wrapTerraformExpression = wrapTerraformExpression;
  }
});

// node_modules/@cdktf/hcl2json/wasm/wasm_exec.js
var require_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/wasm_exec.js"() {
    "use strict";
    (() => {
      const enosys = () => {
        const err = new Error("not implemented");
        err.code = "ENOSYS";
        return err;
      };
      if (!globalThis.fs) {
        let outputBuf = "";
        globalThis.fs = {
          constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1 },
          // unused
          writeSync(fd, buf) {
            outputBuf += decoder.decode(buf);
            const nl = outputBuf.lastIndexOf("\n");
            if (nl != -1) {
              console.log(outputBuf.substr(0, nl));
              outputBuf = outputBuf.substr(nl + 1);
            }
            return buf.length;
          },
          write(fd, buf, offset, length, position, callback) {
            if (offset !== 0 || length !== buf.length || position !== null) {
              callback(enosys());
              return;
            }
            const n = this.writeSync(fd, buf);
            callback(null, n);
          },
          chmod(path8, mode, callback) {
            callback(enosys());
          },
          chown(path8, uid, gid, callback) {
            callback(enosys());
          },
          close(fd, callback) {
            callback(enosys());
          },
          fchmod(fd, mode, callback) {
            callback(enosys());
          },
          fchown(fd, uid, gid, callback) {
            callback(enosys());
          },
          fstat(fd, callback) {
            callback(enosys());
          },
          fsync(fd, callback) {
            callback(null);
          },
          ftruncate(fd, length, callback) {
            callback(enosys());
          },
          lchown(path8, uid, gid, callback) {
            callback(enosys());
          },
          link(path8, link, callback) {
            callback(enosys());
          },
          lstat(path8, callback) {
            callback(enosys());
          },
          mkdir(path8, perm, callback) {
            callback(enosys());
          },
          open(path8, flags, mode, callback) {
            callback(enosys());
          },
          read(fd, buffer, offset, length, position, callback) {
            callback(enosys());
          },
          readdir(path8, callback) {
            callback(enosys());
          },
          readlink(path8, callback) {
            callback(enosys());
          },
          rename(from, to, callback) {
            callback(enosys());
          },
          rmdir(path8, callback) {
            callback(enosys());
          },
          stat(path8, callback) {
            callback(enosys());
          },
          symlink(path8, link, callback) {
            callback(enosys());
          },
          truncate(path8, length, callback) {
            callback(enosys());
          },
          unlink(path8, callback) {
            callback(enosys());
          },
          utimes(path8, atime, mtime, callback) {
            callback(enosys());
          }
        };
      }
      if (!globalThis.process) {
        globalThis.process = {
          getuid() {
            return -1;
          },
          getgid() {
            return -1;
          },
          geteuid() {
            return -1;
          },
          getegid() {
            return -1;
          },
          getgroups() {
            throw enosys();
          },
          pid: -1,
          ppid: -1,
          umask() {
            throw enosys();
          },
          cwd() {
            throw enosys();
          },
          chdir() {
            throw enosys();
          }
        };
      }
      if (!globalThis.crypto) {
        throw new Error("globalThis.crypto is not available, polyfill required (crypto.getRandomValues only)");
      }
      if (!globalThis.performance) {
        throw new Error("globalThis.performance is not available, polyfill required (performance.now only)");
      }
      if (!globalThis.TextEncoder) {
        throw new Error("globalThis.TextEncoder is not available, polyfill required");
      }
      if (!globalThis.TextDecoder) {
        throw new Error("globalThis.TextDecoder is not available, polyfill required");
      }
      const encoder = new TextEncoder("utf-8");
      const decoder = new TextDecoder("utf-8");
      globalThis.Go = class {
        constructor() {
          this.argv = ["js"];
          this.env = {};
          this.exit = (code) => {
            if (code !== 0) {
              console.warn("exit code:", code);
            }
          };
          this._exitPromise = new Promise((resolve) => {
            this._resolveExitPromise = resolve;
          });
          this._pendingEvent = null;
          this._scheduledTimeouts = /* @__PURE__ */ new Map();
          this._nextCallbackTimeoutID = 1;
          const setInt64 = (addr, v) => {
            this.mem.setUint32(addr + 0, v, true);
            this.mem.setUint32(addr + 4, Math.floor(v / 4294967296), true);
          };
          const getInt64 = (addr) => {
            const low = this.mem.getUint32(addr + 0, true);
            const high = this.mem.getInt32(addr + 4, true);
            return low + high * 4294967296;
          };
          const loadValue = (addr) => {
            const f = this.mem.getFloat64(addr, true);
            if (f === 0) {
              return void 0;
            }
            if (!isNaN(f)) {
              return f;
            }
            const id = this.mem.getUint32(addr, true);
            return this._values[id];
          };
          const storeValue = (addr, v) => {
            const nanHead = 2146959360;
            if (typeof v === "number" && v !== 0) {
              if (isNaN(v)) {
                this.mem.setUint32(addr + 4, nanHead, true);
                this.mem.setUint32(addr, 0, true);
                return;
              }
              this.mem.setFloat64(addr, v, true);
              return;
            }
            if (v === void 0) {
              this.mem.setFloat64(addr, 0, true);
              return;
            }
            let id = this._ids.get(v);
            if (id === void 0) {
              id = this._idPool.pop();
              if (id === void 0) {
                id = this._values.length;
              }
              this._values[id] = v;
              this._goRefCounts[id] = 0;
              this._ids.set(v, id);
            }
            this._goRefCounts[id]++;
            let typeFlag = 0;
            switch (typeof v) {
              case "object":
                if (v !== null) {
                  typeFlag = 1;
                }
                break;
              case "string":
                typeFlag = 2;
                break;
              case "symbol":
                typeFlag = 3;
                break;
              case "function":
                typeFlag = 4;
                break;
            }
            this.mem.setUint32(addr + 4, nanHead | typeFlag, true);
            this.mem.setUint32(addr, id, true);
          };
          const loadSlice = (addr) => {
            const array = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return new Uint8Array(this._inst.exports.mem.buffer, array, len);
          };
          const loadSliceOfValues = (addr) => {
            const array = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            const a = new Array(len);
            for (let i = 0; i < len; i++) {
              a[i] = loadValue(array + i * 8);
            }
            return a;
          };
          const loadString = (addr) => {
            const saddr = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return decoder.decode(new DataView(this._inst.exports.mem.buffer, saddr, len));
          };
          const timeOrigin = Date.now() - performance.now();
          this.importObject = {
            go: {
              // Go's SP does not change as long as no Go code is running. Some operations (e.g. calls, getters and setters)
              // may synchronously trigger a Go event handler. This makes Go code get executed in the middle of the imported
              // function. A goroutine can switch to a new stack if the current stack is too small (see morestack function).
              // This changes the SP, thus we have to update the SP used by the imported function.
              // func wasmExit(code int32)
              "runtime.wasmExit": (sp) => {
                sp >>>= 0;
                const code = this.mem.getInt32(sp + 8, true);
                this.exited = true;
                delete this._inst;
                delete this._values;
                delete this._goRefCounts;
                delete this._ids;
                delete this._idPool;
                this.exit(code);
              },
              // func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)
              "runtime.wasmWrite": (sp) => {
                sp >>>= 0;
                const fd = getInt64(sp + 8);
                const p = getInt64(sp + 16);
                const n = this.mem.getInt32(sp + 24, true);
                fs.writeSync(fd, new Uint8Array(this._inst.exports.mem.buffer, p, n));
              },
              // func resetMemoryDataView()
              "runtime.resetMemoryDataView": (sp) => {
                sp >>>= 0;
                this.mem = new DataView(this._inst.exports.mem.buffer);
              },
              // func nanotime1() int64
              "runtime.nanotime1": (sp) => {
                sp >>>= 0;
                setInt64(sp + 8, (timeOrigin + performance.now()) * 1e6);
              },
              // func walltime() (sec int64, nsec int32)
              "runtime.walltime": (sp) => {
                sp >>>= 0;
                const msec = (/* @__PURE__ */ new Date()).getTime();
                setInt64(sp + 8, msec / 1e3);
                this.mem.setInt32(sp + 16, msec % 1e3 * 1e6, true);
              },
              // func scheduleTimeoutEvent(delay int64) int32
              "runtime.scheduleTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this._nextCallbackTimeoutID;
                this._nextCallbackTimeoutID++;
                this._scheduledTimeouts.set(id, setTimeout(
                  () => {
                    this._resume();
                    while (this._scheduledTimeouts.has(id)) {
                      console.warn("scheduleTimeoutEvent: missed timeout event");
                      this._resume();
                    }
                  },
                  getInt64(sp + 8) + 1
                  // setTimeout has been seen to fire up to 1 millisecond early
                ));
                this.mem.setInt32(sp + 16, id, true);
              },
              // func clearTimeoutEvent(id int32)
              "runtime.clearTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this.mem.getInt32(sp + 8, true);
                clearTimeout(this._scheduledTimeouts.get(id));
                this._scheduledTimeouts.delete(id);
              },
              // func getRandomData(r []byte)
              "runtime.getRandomData": (sp) => {
                sp >>>= 0;
                crypto.getRandomValues(loadSlice(sp + 8));
              },
              // func finalizeRef(v ref)
              "syscall/js.finalizeRef": (sp) => {
                sp >>>= 0;
                const id = this.mem.getUint32(sp + 8, true);
                this._goRefCounts[id]--;
                if (this._goRefCounts[id] === 0) {
                  const v = this._values[id];
                  this._values[id] = null;
                  this._ids.delete(v);
                  this._idPool.push(id);
                }
              },
              // func stringVal(value string) ref
              "syscall/js.stringVal": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, loadString(sp + 8));
              },
              // func valueGet(v ref, p string) ref
              "syscall/js.valueGet": (sp) => {
                sp >>>= 0;
                const result = Reflect.get(loadValue(sp + 8), loadString(sp + 16));
                sp = this._inst.exports.getsp() >>> 0;
                storeValue(sp + 32, result);
              },
              // func valueSet(v ref, p string, x ref)
              "syscall/js.valueSet": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), loadString(sp + 16), loadValue(sp + 32));
              },
              // func valueDelete(v ref, p string)
              "syscall/js.valueDelete": (sp) => {
                sp >>>= 0;
                Reflect.deleteProperty(loadValue(sp + 8), loadString(sp + 16));
              },
              // func valueIndex(v ref, i int) ref
              "syscall/js.valueIndex": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, Reflect.get(loadValue(sp + 8), getInt64(sp + 16)));
              },
              // valueSetIndex(v ref, i int, x ref)
              "syscall/js.valueSetIndex": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), getInt64(sp + 16), loadValue(sp + 24));
              },
              // func valueCall(v ref, m string, args []ref) (ref, bool)
              "syscall/js.valueCall": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const m = Reflect.get(v, loadString(sp + 16));
                  const args = loadSliceOfValues(sp + 32);
                  const result = Reflect.apply(m, v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, result);
                  this.mem.setUint8(sp + 64, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, err);
                  this.mem.setUint8(sp + 64, 0);
                }
              },
              // func valueInvoke(v ref, args []ref) (ref, bool)
              "syscall/js.valueInvoke": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.apply(v, void 0, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueNew(v ref, args []ref) (ref, bool)
              "syscall/js.valueNew": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.construct(v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueLength(v ref) int
              "syscall/js.valueLength": (sp) => {
                sp >>>= 0;
                setInt64(sp + 16, parseInt(loadValue(sp + 8).length));
              },
              // valuePrepareString(v ref) (ref, int)
              "syscall/js.valuePrepareString": (sp) => {
                sp >>>= 0;
                const str2 = encoder.encode(String(loadValue(sp + 8)));
                storeValue(sp + 16, str2);
                setInt64(sp + 24, str2.length);
              },
              // valueLoadString(v ref, b []byte)
              "syscall/js.valueLoadString": (sp) => {
                sp >>>= 0;
                const str2 = loadValue(sp + 8);
                loadSlice(sp + 16).set(str2);
              },
              // func valueInstanceOf(v ref, t ref) bool
              "syscall/js.valueInstanceOf": (sp) => {
                sp >>>= 0;
                this.mem.setUint8(sp + 24, loadValue(sp + 8) instanceof loadValue(sp + 16) ? 1 : 0);
              },
              // func copyBytesToGo(dst []byte, src ref) (int, bool)
              "syscall/js.copyBytesToGo": (sp) => {
                sp >>>= 0;
                const dst = loadSlice(sp + 8);
                const src = loadValue(sp + 32);
                if (!(src instanceof Uint8Array || src instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              // func copyBytesToJS(dst ref, src []byte) (int, bool)
              "syscall/js.copyBytesToJS": (sp) => {
                sp >>>= 0;
                const dst = loadValue(sp + 8);
                const src = loadSlice(sp + 16);
                if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              "debug": (value) => {
                console.log(value);
              }
            }
          };
        }
        async run(instance) {
          if (!(instance instanceof WebAssembly.Instance)) {
            throw new Error("Go.run: WebAssembly.Instance expected");
          }
          this._inst = instance;
          this.mem = new DataView(this._inst.exports.mem.buffer);
          this._values = [
            // JS values that Go currently has references to, indexed by reference id
            NaN,
            0,
            null,
            true,
            false,
            globalThis,
            this
          ];
          this._goRefCounts = new Array(this._values.length).fill(Infinity);
          this._ids = /* @__PURE__ */ new Map([
            // mapping from JS values to reference ids
            [0, 1],
            [null, 2],
            [true, 3],
            [false, 4],
            [globalThis, 5],
            [this, 6]
          ]);
          this._idPool = [];
          this.exited = false;
          let offset = 4096;
          const strPtr = (str2) => {
            const ptr = offset;
            const bytes = encoder.encode(str2 + "\0");
            new Uint8Array(this.mem.buffer, offset, bytes.length).set(bytes);
            offset += bytes.length;
            if (offset % 8 !== 0) {
              offset += 8 - offset % 8;
            }
            return ptr;
          };
          const argc = this.argv.length;
          const argvPtrs = [];
          this.argv.forEach((arg) => {
            argvPtrs.push(strPtr(arg));
          });
          argvPtrs.push(0);
          const keys = Object.keys(this.env).sort();
          keys.forEach((key) => {
            argvPtrs.push(strPtr(`${key}=${this.env[key]}`));
          });
          argvPtrs.push(0);
          const argv = offset;
          argvPtrs.forEach((ptr) => {
            this.mem.setUint32(offset, ptr, true);
            this.mem.setUint32(offset + 4, 0, true);
            offset += 8;
          });
          const wasmMinDataAddr = 4096 + 8192;
          if (offset >= wasmMinDataAddr) {
            throw new Error("total length of command line and environment variables exceeds limit");
          }
          this._inst.exports.run(argc, argv);
          if (this.exited) {
            this._resolveExitPromise();
          }
          await this._exitPromise;
        }
        _resume() {
          if (this.exited) {
            throw new Error("Go program has already exited");
          }
          this._inst.exports.resume();
          if (this.exited) {
            this._resolveExitPromise();
          }
        }
        _makeFuncWrapper(id) {
          const go = this;
          return function() {
            const event = { id, this: this, args: arguments };
            go._pendingEvent = event;
            go._resume();
            return event.result;
          };
        }
      };
    })();
  }
});

// node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js
var require_bridge_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js"() {
    "use strict";
    globalThis.require = __require;
    globalThis.fs = __require("fs");
    globalThis.TextEncoder = __require("util").TextEncoder;
    globalThis.TextDecoder = __require("util").TextDecoder;
    globalThis.performance ??= __require("performance");
    if (!globalThis.crypto) {
      const crypto2 = __require("crypto");
      globalThis.crypto = {
        getRandomValues(b) {
          return crypto2.randomFillSync(b);
        }
      };
    }
    require_wasm_exec();
  }
});

// node_modules/@cdktf/hcl2json/lib/bridge.js
var require_bridge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/bridge.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getExpressionAst = exports.getReferencesInExpression = exports.convertFiles = exports.parse = void 0;
    var fs4 = __importStar(require_lib());
    var path_1 = __require("path");
    var deepmerge_1 = require_deepmerge();
    var zlib_1 = __require("zlib");
    var references_1 = require_references();
    var util_1 = require_util();
    var jsRoot = {};
    function sleep() {
      return new Promise((resolve) => {
        setTimeout(resolve, 0);
      });
    }
    function goBridge(getBytes) {
      let ready = false;
      async function init() {
        await Promise.resolve().then(() => __importStar(require_bridge_wasm_exec()));
        const go = new global.Go();
        const bytes = await getBytes;
        const result = await WebAssembly.instantiate(bytes, go.importObject);
        global.__parse_terraform_config_wasm__ = jsRoot;
        void go.run(result.instance);
        ready = true;
      }
      init().catch((error) => {
        throw error;
      });
      const proxy = new Proxy({}, {
        get: (_, key) => {
          return async (...args) => {
            while (!ready) {
              await sleep();
            }
            if (!(key in jsRoot)) {
              throw new Error(`There is nothing defined with the name "${key.toString()}"`);
            }
            if (typeof jsRoot[key] !== "function") {
              return jsRoot[key];
            }
            return new Promise((resolve, reject) => {
              const cb = (err, ...msg) => (
                // eslint-disable-next-line @typescript-eslint/ban-ts-comment
                // @ts-ignore
                err ? reject(new Error(err)) : resolve(...msg)
              );
              const run = () => {
                jsRoot[key].apply(void 0, [...args, cb]);
              };
              run();
            });
          };
        }
      });
      return proxy;
    }
    var loadWasm = async () => {
      return (0, zlib_1.gunzipSync)(await fs4.readFile((0, path_1.join)(__dirname, "main.wasm.gz")));
    };
    var wasm = goBridge(loadWasm());
    async function parse2(filename, contents) {
      const res = await wasm.parse(filename, contents);
      return JSON.parse(res);
    }
    exports.parse = parse2;
    async function convertFiles(workingDirectory) {
      let tfFileContents = "";
      const tfJSONFileContents = [];
      for (const file of fs4.readdirSync(workingDirectory)) {
        const filePath = (0, path_1.resolve)(workingDirectory, file);
        if (!fs4.lstatSync(filePath).isDirectory()) {
          if (file.match(/\.tf$/)) {
            tfFileContents += fs4.readFileSync(filePath, "utf-8");
            tfFileContents += "\n";
          } else if (file.match(/\.tf\.json$/)) {
            tfJSONFileContents.push(JSON.parse(fs4.readFileSync(filePath, "utf-8")));
          }
        }
      }
      if (tfFileContents === "" && tfJSONFileContents.length === 0) {
        console.error(`No '.tf' or '.tf.json' files found in ${workingDirectory}`);
        return {};
      }
      return (0, deepmerge_1.deepMerge)(await parse2("hcl2json.tf", tfFileContents), ...tfJSONFileContents);
    }
    exports.convertFiles = convertFiles;
    async function getReferencesInExpression(filename, expression) {
      let offset = 0;
      let quoteWrappedExpression = expression;
      if (!expression.startsWith('"')) {
        quoteWrappedExpression = `"${expression}"`;
        offset = 1;
      }
      const { wrap: wrappedExpression, wrapOffset: startOffset } = (0, util_1.wrapTerraformExpression)(`${quoteWrappedExpression}`);
      offset += startOffset;
      const ast = await getExpressionAst(filename, wrappedExpression);
      if (!ast) {
        return [];
      }
      const refs = (0, references_1.findAllReferencesInAst)(expression, ast);
      if (wrappedExpression === expression) {
        return refs;
      }
      return refs.map((ref) => {
        return {
          ...ref,
          startPosition: ref.startPosition - offset,
          endPosition: ref.endPosition - offset
        };
      });
    }
    exports.getReferencesInExpression = getReferencesInExpression;
    async function getExpressionAst(filename, expression) {
      const res = await wasm.getExpressionAst(filename, expression);
      const ast = JSON.parse(res);
      if (!ast) {
        return null;
      }
      return ast;
    }
    exports.getExpressionAst = getExpressionAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TFExpressionSyntaxTree = exports.wrapTerraformExpression = exports.getExpressionAst = exports.getReferencesInExpression = exports.convertFiles = exports.parse = void 0;
    var bridge_1 = require_bridge();
    Object.defineProperty(exports, "parse", { enumerable: true, get: function() {
      return bridge_1.parse;
    } });
    Object.defineProperty(exports, "convertFiles", { enumerable: true, get: function() {
      return bridge_1.convertFiles;
    } });
    Object.defineProperty(exports, "getReferencesInExpression", { enumerable: true, get: function() {
      return bridge_1.getReferencesInExpression;
    } });
    Object.defineProperty(exports, "getExpressionAst", { enumerable: true, get: function() {
      return bridge_1.getExpressionAst;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports, "wrapTerraformExpression", { enumerable: true, get: function() {
      return util_1.wrapTerraformExpression;
    } });
    exports.TFExpressionSyntaxTree = __importStar(require_syntax_tree());
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js
var require_json2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js"(exports, module) {
    function isValidJSON(str2) {
      if (typeof str2 !== "string") {
        return;
      }
      try {
        JSON.parse(str2);
        return true;
      } catch (err) {
        if (err instanceof SyntaxError) {
          return false;
        }
        throw err;
      }
    }
    module.exports = {
      "json.is_valid": isValidJSON
    };
  }
});

// node_modules/sprintf-js/src/sprintf.js
var require_sprintf = __commonJS({
  "node_modules/sprintf-js/src/sprintf.js"(exports) {
    !(function() {
      "use strict";
      var re = {
        not_string: /[^s]/,
        not_bool: /[^t]/,
        not_type: /[^T]/,
        not_primitive: /[^v]/,
        number: /[diefg]/,
        numeric_arg: /[bcdiefguxX]/,
        json: /[j]/,
        not_json: /[^j]/,
        text: /^[^\x25]+/,
        modulo: /^\x25{2}/,
        placeholder: /^\x25(?:([1-9]\d*)\$|\(([^)]+)\))?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/,
        key: /^([a-z_][a-z_\d]*)/i,
        key_access: /^\.([a-z_][a-z_\d]*)/i,
        index_access: /^\[(\d+)\]/,
        sign: /^[+-]/
      };
      function sprintf(key) {
        return sprintf_format(sprintf_parse(key), arguments);
      }
      function vsprintf(fmt, argv) {
        return sprintf.apply(null, [fmt].concat(argv || []));
      }
      function sprintf_format(parse_tree, argv) {
        var cursor = 1, tree_length = parse_tree.length, arg, output = "", i, k, ph, pad, pad_character, pad_length, is_positive, sign;
        for (i = 0; i < tree_length; i++) {
          if (typeof parse_tree[i] === "string") {
            output += parse_tree[i];
          } else if (typeof parse_tree[i] === "object") {
            ph = parse_tree[i];
            if (ph.keys) {
              arg = argv[cursor];
              for (k = 0; k < ph.keys.length; k++) {
                if (arg == void 0) {
                  throw new Error(sprintf('[sprintf] Cannot access property "%s" of undefined value "%s"', ph.keys[k], ph.keys[k - 1]));
                }
                arg = arg[ph.keys[k]];
              }
            } else if (ph.param_no) {
              arg = argv[ph.param_no];
            } else {
              arg = argv[cursor++];
            }
            if (re.not_type.test(ph.type) && re.not_primitive.test(ph.type) && arg instanceof Function) {
              arg = arg();
            }
            if (re.numeric_arg.test(ph.type) && (typeof arg !== "number" && isNaN(arg))) {
              throw new TypeError(sprintf("[sprintf] expecting number but found %T", arg));
            }
            if (re.number.test(ph.type)) {
              is_positive = arg >= 0;
            }
            switch (ph.type) {
              case "b":
                arg = parseInt(arg, 10).toString(2);
                break;
              case "c":
                arg = String.fromCharCode(parseInt(arg, 10));
                break;
              case "d":
              case "i":
                arg = parseInt(arg, 10);
                break;
              case "j":
                arg = JSON.stringify(arg, null, ph.width ? parseInt(ph.width) : 0);
                break;
              case "e":
                arg = ph.precision ? parseFloat(arg).toExponential(ph.precision) : parseFloat(arg).toExponential();
                break;
              case "f":
                arg = ph.precision ? parseFloat(arg).toFixed(ph.precision) : parseFloat(arg);
                break;
              case "g":
                arg = ph.precision ? String(Number(arg.toPrecision(ph.precision))) : parseFloat(arg);
                break;
              case "o":
                arg = (parseInt(arg, 10) >>> 0).toString(8);
                break;
              case "s":
                arg = String(arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "t":
                arg = String(!!arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "T":
                arg = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "u":
                arg = parseInt(arg, 10) >>> 0;
                break;
              case "v":
                arg = arg.valueOf();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "x":
                arg = (parseInt(arg, 10) >>> 0).toString(16);
                break;
              case "X":
                arg = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase();
                break;
            }
            if (re.json.test(ph.type)) {
              output += arg;
            } else {
              if (re.number.test(ph.type) && (!is_positive || ph.sign)) {
                sign = is_positive ? "+" : "-";
                arg = arg.toString().replace(re.sign, "");
              } else {
                sign = "";
              }
              pad_character = ph.pad_char ? ph.pad_char === "0" ? "0" : ph.pad_char.charAt(1) : " ";
              pad_length = ph.width - (sign + arg).length;
              pad = ph.width ? pad_length > 0 ? pad_character.repeat(pad_length) : "" : "";
              output += ph.align ? sign + arg + pad : pad_character === "0" ? sign + pad + arg : pad + sign + arg;
            }
          }
        }
        return output;
      }
      var sprintf_cache = /* @__PURE__ */ Object.create(null);
      function sprintf_parse(fmt) {
        if (sprintf_cache[fmt]) {
          return sprintf_cache[fmt];
        }
        var _fmt = fmt, match, parse_tree = [], arg_names = 0;
        while (_fmt) {
          if ((match = re.text.exec(_fmt)) !== null) {
            parse_tree.push(match[0]);
          } else if ((match = re.modulo.exec(_fmt)) !== null) {
            parse_tree.push("%");
          } else if ((match = re.placeholder.exec(_fmt)) !== null) {
            if (match[2]) {
              arg_names |= 1;
              var field_list = [], replacement_field = match[2], field_match = [];
              if ((field_match = re.key.exec(replacement_field)) !== null) {
                field_list.push(field_match[1]);
                while ((replacement_field = replacement_field.substring(field_match[0].length)) !== "") {
                  if ((field_match = re.key_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else if ((field_match = re.index_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else {
                    throw new SyntaxError("[sprintf] failed to parse named argument key");
                  }
                }
              } else {
                throw new SyntaxError("[sprintf] failed to parse named argument key");
              }
              match[2] = field_list;
            } else {
              arg_names |= 2;
            }
            if (arg_names === 3) {
              throw new Error("[sprintf] mixing positional and named placeholders is not (yet) supported");
            }
            parse_tree.push(
              {
                placeholder: match[0],
                param_no: match[1],
                keys: match[2],
                sign: match[3],
                pad_char: match[4],
                align: match[5],
                width: match[6],
                precision: match[7],
                type: match[8]
              }
            );
          } else {
            throw new SyntaxError("[sprintf] unexpected placeholder");
          }
          _fmt = _fmt.substring(match[0].length);
        }
        return sprintf_cache[fmt] = parse_tree;
      }
      if (typeof exports !== "undefined") {
        exports["sprintf"] = sprintf;
        exports["vsprintf"] = vsprintf;
      }
      if (typeof window !== "undefined") {
        window["sprintf"] = sprintf;
        window["vsprintf"] = vsprintf;
        if (typeof define === "function" && define["amd"]) {
          define(function() {
            return {
              "sprintf": sprintf,
              "vsprintf": vsprintf
            };
          });
        }
      }
    })();
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js
var require_strings = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js"(exports, module) {
    var vsprintf = require_sprintf().vsprintf;
    var sprintf = (s, values) => vsprintf(s, values);
    module.exports = { sprintf };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js
var require_regex = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js"(exports, module) {
    var regexSplit = (pattern, s) => s.split(RegExp(pattern));
    module.exports = { "regex.split": regexSplit };
  }
});

// node_modules/yaml/dist/PlainValue-516d5bc2.js
var require_PlainValue_516d5bc2 = __commonJS({
  "node_modules/yaml/dist/PlainValue-516d5bc2.js"(exports) {
    "use strict";
    var Char = {
      ANCHOR: "&",
      COMMENT: "#",
      TAG: "!",
      DIRECTIVES_END: "-",
      DOCUMENT_END: "."
    };
    var Type = {
      ALIAS: "ALIAS",
      BLANK_LINE: "BLANK_LINE",
      BLOCK_FOLDED: "BLOCK_FOLDED",
      BLOCK_LITERAL: "BLOCK_LITERAL",
      COMMENT: "COMMENT",
      DIRECTIVE: "DIRECTIVE",
      DOCUMENT: "DOCUMENT",
      FLOW_MAP: "FLOW_MAP",
      FLOW_SEQ: "FLOW_SEQ",
      MAP: "MAP",
      MAP_KEY: "MAP_KEY",
      MAP_VALUE: "MAP_VALUE",
      PLAIN: "PLAIN",
      QUOTE_DOUBLE: "QUOTE_DOUBLE",
      QUOTE_SINGLE: "QUOTE_SINGLE",
      SEQ: "SEQ",
      SEQ_ITEM: "SEQ_ITEM"
    };
    var defaultTagPrefix = "tag:yaml.org,2002:";
    var defaultTags = {
      MAP: "tag:yaml.org,2002:map",
      SEQ: "tag:yaml.org,2002:seq",
      STR: "tag:yaml.org,2002:str"
    };
    function findLineStarts(src) {
      const ls = [0];
      let offset = src.indexOf("\n");
      while (offset !== -1) {
        offset += 1;
        ls.push(offset);
        offset = src.indexOf("\n", offset);
      }
      return ls;
    }
    function getSrcInfo(cst) {
      let lineStarts2, src;
      if (typeof cst === "string") {
        lineStarts2 = findLineStarts(cst);
        src = cst;
      } else {
        if (Array.isArray(cst)) cst = cst[0];
        if (cst && cst.context) {
          if (!cst.lineStarts) cst.lineStarts = findLineStarts(cst.context.src);
          lineStarts2 = cst.lineStarts;
          src = cst.context.src;
        }
      }
      return {
        lineStarts: lineStarts2,
        src
      };
    }
    function getLinePos(offset, cst) {
      if (typeof offset !== "number" || offset < 0) return null;
      const {
        lineStarts: lineStarts2,
        src
      } = getSrcInfo(cst);
      if (!lineStarts2 || !src || offset > src.length) return null;
      for (let i = 0; i < lineStarts2.length; ++i) {
        const start = lineStarts2[i];
        if (offset < start) {
          return {
            line: i,
            col: offset - lineStarts2[i - 1] + 1
          };
        }
        if (offset === start) return {
          line: i + 1,
          col: 1
        };
      }
      const line = lineStarts2.length;
      return {
        line,
        col: offset - lineStarts2[line - 1] + 1
      };
    }
    function getLine(line, cst) {
      const {
        lineStarts: lineStarts2,
        src
      } = getSrcInfo(cst);
      if (!lineStarts2 || !(line >= 1) || line > lineStarts2.length) return null;
      const start = lineStarts2[line - 1];
      let end = lineStarts2[line];
      while (end && end > start && src[end - 1] === "\n") --end;
      return src.slice(start, end);
    }
    function getPrettyContext({
      start,
      end
    }, cst, maxWidth = 80) {
      let src = getLine(start.line, cst);
      if (!src) return null;
      let {
        col
      } = start;
      if (src.length > maxWidth) {
        if (col <= maxWidth - 10) {
          src = src.substr(0, maxWidth - 1) + "\u2026";
        } else {
          const halfWidth = Math.round(maxWidth / 2);
          if (src.length > col + halfWidth) src = src.substr(0, col + halfWidth - 1) + "\u2026";
          col -= src.length - maxWidth;
          src = "\u2026" + src.substr(1 - maxWidth);
        }
      }
      let errLen = 1;
      let errEnd = "";
      if (end) {
        if (end.line === start.line && col + (end.col - start.col) <= maxWidth + 1) {
          errLen = end.col - start.col;
        } else {
          errLen = Math.min(src.length + 1, maxWidth) - col;
          errEnd = "\u2026";
        }
      }
      const offset = col > 1 ? " ".repeat(col - 1) : "";
      const err = "^".repeat(errLen);
      return `${src}
${offset}${err}${errEnd}`;
    }
    var Range = class _Range {
      static copy(orig) {
        return new _Range(orig.start, orig.end);
      }
      constructor(start, end) {
        this.start = start;
        this.end = end || start;
      }
      isEmpty() {
        return typeof this.start !== "number" || !this.end || this.end <= this.start;
      }
      /**
       * Set `origStart` and `origEnd` to point to the original source range for
       * this node, which may differ due to dropped CR characters.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRange(cr, offset) {
        const {
          start,
          end
        } = this;
        if (cr.length === 0 || end <= cr[0]) {
          this.origStart = start;
          this.origEnd = end;
          return offset;
        }
        let i = offset;
        while (i < cr.length) {
          if (cr[i] > start) break;
          else ++i;
        }
        this.origStart = start + i;
        const nextOffset = i;
        while (i < cr.length) {
          if (cr[i] >= end) break;
          else ++i;
        }
        this.origEnd = end + i;
        return nextOffset;
      }
    };
    var Node = class _Node {
      static addStringTerminator(src, offset, str2) {
        if (str2[str2.length - 1] === "\n") return str2;
        const next = _Node.endOfWhiteSpace(src, offset);
        return next >= src.length || src[next] === "\n" ? str2 + "\n" : str2;
      }
      // ^(---|...)
      static atDocumentBoundary(src, offset, sep) {
        const ch0 = src[offset];
        if (!ch0) return true;
        const prev = src[offset - 1];
        if (prev && prev !== "\n") return false;
        if (sep) {
          if (ch0 !== sep) return false;
        } else {
          if (ch0 !== Char.DIRECTIVES_END && ch0 !== Char.DOCUMENT_END) return false;
        }
        const ch1 = src[offset + 1];
        const ch2 = src[offset + 2];
        if (ch1 !== ch0 || ch2 !== ch0) return false;
        const ch3 = src[offset + 3];
        return !ch3 || ch3 === "\n" || ch3 === "	" || ch3 === " ";
      }
      static endOfIdentifier(src, offset) {
        let ch = src[offset];
        const isVerbatim = ch === "<";
        const notOk = isVerbatim ? ["\n", "	", " ", ">"] : ["\n", "	", " ", "[", "]", "{", "}", ","];
        while (ch && notOk.indexOf(ch) === -1) ch = src[offset += 1];
        if (isVerbatim && ch === ">") offset += 1;
        return offset;
      }
      static endOfIndent(src, offset) {
        let ch = src[offset];
        while (ch === " ") ch = src[offset += 1];
        return offset;
      }
      static endOfLine(src, offset) {
        let ch = src[offset];
        while (ch && ch !== "\n") ch = src[offset += 1];
        return offset;
      }
      static endOfWhiteSpace(src, offset) {
        let ch = src[offset];
        while (ch === "	" || ch === " ") ch = src[offset += 1];
        return offset;
      }
      static startOfLine(src, offset) {
        let ch = src[offset - 1];
        if (ch === "\n") return offset;
        while (ch && ch !== "\n") ch = src[offset -= 1];
        return offset + 1;
      }
      /**
       * End of indentation, or null if the line's indent level is not more
       * than `indent`
       *
       * @param {string} src
       * @param {number} indent
       * @param {number} lineStart
       * @returns {?number}
       */
      static endOfBlockIndent(src, indent, lineStart) {
        const inEnd = _Node.endOfIndent(src, lineStart);
        if (inEnd > lineStart + indent) {
          return inEnd;
        } else {
          const wsEnd = _Node.endOfWhiteSpace(src, inEnd);
          const ch = src[wsEnd];
          if (!ch || ch === "\n") return wsEnd;
        }
        return null;
      }
      static atBlank(src, offset, endAsBlank) {
        const ch = src[offset];
        return ch === "\n" || ch === "	" || ch === " " || endAsBlank && !ch;
      }
      static nextNodeIsIndented(ch, indentDiff, indicatorAsIndent) {
        if (!ch || indentDiff < 0) return false;
        if (indentDiff > 0) return true;
        return indicatorAsIndent && ch === "-";
      }
      // should be at line or string end, or at next non-whitespace char
      static normalizeOffset(src, offset) {
        const ch = src[offset];
        return !ch ? offset : ch !== "\n" && src[offset - 1] === "\n" ? offset - 1 : _Node.endOfWhiteSpace(src, offset);
      }
      // fold single newline into space, multiple newlines to N - 1 newlines
      // presumes src[offset] === '\n'
      static foldNewline(src, offset, indent) {
        let inCount = 0;
        let error = false;
        let fold = "";
        let ch = src[offset + 1];
        while (ch === " " || ch === "	" || ch === "\n") {
          switch (ch) {
            case "\n":
              inCount = 0;
              offset += 1;
              fold += "\n";
              break;
            case "	":
              if (inCount <= indent) error = true;
              offset = _Node.endOfWhiteSpace(src, offset + 2) - 1;
              break;
            case " ":
              inCount += 1;
              offset += 1;
              break;
          }
          ch = src[offset + 1];
        }
        if (!fold) fold = " ";
        if (ch && inCount <= indent) error = true;
        return {
          fold,
          offset,
          error
        };
      }
      constructor(type, props, context) {
        Object.defineProperty(this, "context", {
          value: context || null,
          writable: true
        });
        this.error = null;
        this.range = null;
        this.valueRange = null;
        this.props = props || [];
        this.type = type;
        this.value = null;
      }
      getPropValue(idx, key, skipKey) {
        if (!this.context) return null;
        const {
          src
        } = this.context;
        const prop = this.props[idx];
        return prop && src[prop.start] === key ? src.slice(prop.start + (skipKey ? 1 : 0), prop.end) : null;
      }
      get anchor() {
        for (let i = 0; i < this.props.length; ++i) {
          const anchor = this.getPropValue(i, Char.ANCHOR, true);
          if (anchor != null) return anchor;
        }
        return null;
      }
      get comment() {
        const comments = [];
        for (let i = 0; i < this.props.length; ++i) {
          const comment = this.getPropValue(i, Char.COMMENT, true);
          if (comment != null) comments.push(comment);
        }
        return comments.length > 0 ? comments.join("\n") : null;
      }
      commentHasRequiredWhitespace(start) {
        const {
          src
        } = this.context;
        if (this.header && start === this.header.end) return false;
        if (!this.valueRange) return false;
        const {
          end
        } = this.valueRange;
        return start !== end || _Node.atBlank(src, end - 1);
      }
      get hasComment() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] === Char.COMMENT) return true;
          }
        }
        return false;
      }
      get hasProps() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] !== Char.COMMENT) return true;
          }
        }
        return false;
      }
      get includesTrailingLines() {
        return false;
      }
      get jsonLike() {
        const jsonLikeTypes = [Type.FLOW_MAP, Type.FLOW_SEQ, Type.QUOTE_DOUBLE, Type.QUOTE_SINGLE];
        return jsonLikeTypes.indexOf(this.type) !== -1;
      }
      get rangeAsLinePos() {
        if (!this.range || !this.context) return void 0;
        const start = getLinePos(this.range.start, this.context.root);
        if (!start) return void 0;
        const end = getLinePos(this.range.end, this.context.root);
        return {
          start,
          end
        };
      }
      get rawValue() {
        if (!this.valueRange || !this.context) return null;
        const {
          start,
          end
        } = this.valueRange;
        return this.context.src.slice(start, end);
      }
      get tag() {
        for (let i = 0; i < this.props.length; ++i) {
          const tag = this.getPropValue(i, Char.TAG, false);
          if (tag != null) {
            if (tag[1] === "<") {
              return {
                verbatim: tag.slice(2, -1)
              };
            } else {
              const [_, handle, suffix] = tag.match(/^(.*!)([^!]*)$/);
              return {
                handle,
                suffix
              };
            }
          }
        }
        return null;
      }
      get valueRangeContainsNewline() {
        if (!this.valueRange || !this.context) return false;
        const {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        for (let i = start; i < end; ++i) {
          if (src[i] === "\n") return true;
        }
        return false;
      }
      parseComment(start) {
        const {
          src
        } = this.context;
        if (src[start] === Char.COMMENT) {
          const end = _Node.endOfLine(src, start + 1);
          const commentRange = new Range(start, end);
          this.props.push(commentRange);
          return end;
        }
        return start;
      }
      /**
       * Populates the `origStart` and `origEnd` values of all ranges for this
       * node. Extended by child classes to handle descendant nodes.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRanges(cr, offset) {
        if (this.range) offset = this.range.setOrigRange(cr, offset);
        if (this.valueRange) this.valueRange.setOrigRange(cr, offset);
        this.props.forEach((prop) => prop.setOrigRange(cr, offset));
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          range,
          value
        } = this;
        if (value != null) return value;
        const str2 = src.slice(range.start, range.end);
        return _Node.addStringTerminator(src, range.end, str2);
      }
    };
    var YAMLError = class extends Error {
      constructor(name, source, message) {
        if (!message || !(source instanceof Node)) throw new Error(`Invalid arguments for new ${name}`);
        super();
        this.name = name;
        this.message = message;
        this.source = source;
      }
      makePretty() {
        if (!this.source) return;
        this.nodeType = this.source.type;
        const cst = this.source.context && this.source.context.root;
        if (typeof this.offset === "number") {
          this.range = new Range(this.offset, this.offset + 1);
          const start = cst && getLinePos(this.offset, cst);
          if (start) {
            const end = {
              line: start.line,
              col: start.col + 1
            };
            this.linePos = {
              start,
              end
            };
          }
          delete this.offset;
        } else {
          this.range = this.source.range;
          this.linePos = this.source.rangeAsLinePos;
        }
        if (this.linePos) {
          const {
            line,
            col
          } = this.linePos.start;
          this.message += ` at line ${line}, column ${col}`;
          const ctx = cst && getPrettyContext(this.linePos, cst);
          if (ctx) this.message += `:

${ctx}
`;
        }
        delete this.source;
      }
    };
    var YAMLReferenceError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLReferenceError", source, message);
      }
    };
    var YAMLSemanticError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSemanticError", source, message);
      }
    };
    var YAMLSyntaxError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSyntaxError", source, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(source, message) {
        super("YAMLWarning", source, message);
      }
    };
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
        value: t,
        enumerable: true,
        configurable: true,
        writable: true
      }) : e[r] = t, e;
    }
    function _toPrimitive(t, r) {
      if ("object" != typeof t || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != typeof i) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == typeof i ? i : i + "";
    }
    var PlainValue = class _PlainValue extends Node {
      static endOfLine(src, start, inFlow) {
        let ch = src[start];
        let offset = start;
        while (ch && ch !== "\n") {
          if (inFlow && (ch === "[" || ch === "]" || ch === "{" || ch === "}" || ch === ",")) break;
          const next = src[offset + 1];
          if (ch === ":" && (!next || next === "\n" || next === "	" || next === " " || inFlow && next === ",")) break;
          if ((ch === " " || ch === "	") && next === "#") break;
          offset += 1;
          ch = next;
        }
        return offset;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        let ch = src[end - 1];
        while (start < end && (ch === "\n" || ch === "	" || ch === " ")) ch = src[--end - 1];
        let str2 = "";
        for (let i = start; i < end; ++i) {
          const ch2 = src[i];
          if (ch2 === "\n") {
            const {
              fold,
              offset
            } = Node.foldNewline(src, i, -1);
            str2 += fold;
            i = offset;
          } else if (ch2 === " " || ch2 === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (i < end && (next === " " || next === "	")) {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str2 += i > wsStart ? src.slice(wsStart, i + 1) : ch2;
          } else {
            str2 += ch2;
          }
        }
        const ch0 = src[start];
        switch (ch0) {
          case "	": {
            const msg = "Plain value cannot start with a tab character";
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str: str2
            };
          }
          case "@":
          case "`": {
            const msg = `Plain value cannot start with reserved character ${ch0}`;
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str: str2
            };
          }
          default:
            return str2;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          inFlow,
          src
        } = this.context;
        let offset = start;
        let valueEnd = start;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          if (Node.atDocumentBoundary(src, offset + 1)) break;
          const end = Node.endOfBlockIndent(src, indent, offset + 1);
          if (end === null || src[end] === "#") break;
          if (src[end] === "\n") {
            offset = end;
          } else {
            valueEnd = _PlainValue.endOfLine(src, end, inFlow);
            offset = valueEnd;
          }
        }
        if (this.valueRange.isEmpty()) this.valueRange.start = start;
        this.valueRange.end = valueEnd;
        return valueEnd;
      }
      /**
       * Parses a plain value from the source
       *
       * Accepted forms are:
       * ```
       * #comment
       *
       * first line
       *
       * first line #comment
       *
       * first line
       * block
       * lines
       *
       * #comment
       * block
       * lines
       * ```
       * where block lines are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar, may be `\n`
       */
      parse(context, start) {
        this.context = context;
        const {
          inFlow,
          src
        } = context;
        let offset = start;
        const ch = src[offset];
        if (ch && ch !== "#" && ch !== "\n") {
          offset = _PlainValue.endOfLine(src, start, inFlow);
        }
        this.valueRange = new Range(start, offset);
        offset = Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        if (!this.hasComment || this.valueRange.isEmpty()) {
          offset = this.parseBlockValue(offset);
        }
        return offset;
      }
    };
    exports.Char = Char;
    exports.Node = Node;
    exports.PlainValue = PlainValue;
    exports.Range = Range;
    exports.Type = Type;
    exports.YAMLError = YAMLError;
    exports.YAMLReferenceError = YAMLReferenceError;
    exports.YAMLSemanticError = YAMLSemanticError;
    exports.YAMLSyntaxError = YAMLSyntaxError;
    exports.YAMLWarning = YAMLWarning;
    exports._defineProperty = _defineProperty;
    exports.defaultTagPrefix = defaultTagPrefix;
    exports.defaultTags = defaultTags;
  }
});

// node_modules/yaml/dist/parse-cst.js
var require_parse_cst = __commonJS({
  "node_modules/yaml/dist/parse-cst.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var BlankLine = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.BLANK_LINE);
      }
      /* istanbul ignore next */
      get includesTrailingLines() {
        return true;
      }
      /**
       * Parses a blank line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first \n character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        this.range = new PlainValue.Range(start, start + 1);
        return start + 1;
      }
    };
    var CollectionItem = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.node = null;
      }
      get includesTrailingLines() {
        return !!this.node && this.node.includesTrailingLines;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let {
          atLineStart,
          lineStart
        } = context;
        if (!atLineStart && this.type === PlainValue.Type.SEQ_ITEM) this.error = new PlainValue.YAMLSemanticError(this, "Sequence items must not have preceding content on the same line");
        const indent = atLineStart ? start - lineStart : context.indent;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        let ch = src[offset];
        const inlineComment = ch === "#";
        const comments = [];
        let blankLine = null;
        while (ch === "\n" || ch === "#") {
          if (ch === "#") {
            const end2 = PlainValue.Node.endOfLine(src, offset + 1);
            comments.push(new PlainValue.Range(offset, end2));
            offset = end2;
          } else {
            atLineStart = true;
            lineStart = offset + 1;
            const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
            if (src[wsEnd] === "\n" && comments.length === 0) {
              blankLine = new BlankLine();
              lineStart = blankLine.parse({
                src
              }, lineStart);
            }
            offset = PlainValue.Node.endOfIndent(src, lineStart);
          }
          ch = src[offset];
        }
        if (PlainValue.Node.nextNodeIsIndented(ch, offset - (lineStart + indent), this.type !== PlainValue.Type.SEQ_ITEM)) {
          this.node = parseNode({
            atLineStart,
            inCollection: false,
            indent,
            lineStart,
            parent: this
          }, offset);
        } else if (ch && lineStart > start + 1) {
          offset = lineStart - 1;
        }
        if (this.node) {
          if (blankLine) {
            const items = context.parent.items || context.parent.contents;
            if (items) items.push(blankLine);
          }
          if (comments.length) Array.prototype.push.apply(this.props, comments);
          offset = this.node.range.end;
        } else {
          if (inlineComment) {
            const c = comments[0];
            this.props.push(c);
            offset = c.end;
          } else {
            offset = PlainValue.Node.endOfLine(src, start + 1);
          }
        }
        const end = this.node ? this.node.valueRange.end : offset;
        this.valueRange = new PlainValue.Range(start, end);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.node ? this.node.setOrigRanges(cr, offset) : offset;
      }
      toString() {
        const {
          context: {
            src
          },
          node,
          range,
          value
        } = this;
        if (value != null) return value;
        const str2 = node ? src.slice(range.start, node.range.start) + String(node) : src.slice(range.start, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str2);
      }
    };
    var Comment = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.COMMENT);
      }
      /**
       * Parses a comment line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const offset = this.parseComment(start);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    function grabCollectionEndComments(node) {
      let cnode = node;
      while (cnode instanceof CollectionItem) cnode = cnode.node;
      if (!(cnode instanceof Collection)) return null;
      const len = cnode.items.length;
      let ci = -1;
      for (let i = len - 1; i >= 0; --i) {
        const n = cnode.items[i];
        if (n.type === PlainValue.Type.COMMENT) {
          const {
            indent,
            lineStart
          } = n.context;
          if (indent > 0 && n.range.start >= lineStart + indent) break;
          ci = i;
        } else if (n.type === PlainValue.Type.BLANK_LINE) ci = i;
        else break;
      }
      if (ci === -1) return null;
      const ca = cnode.items.splice(ci, len - ci);
      const prevEnd = ca[0].range.start;
      while (true) {
        cnode.range.end = prevEnd;
        if (cnode.valueRange && cnode.valueRange.end > prevEnd) cnode.valueRange.end = prevEnd;
        if (cnode === node) break;
        cnode = cnode.context.parent;
      }
      return ca;
    }
    var Collection = class _Collection extends PlainValue.Node {
      static nextContentHasIndent(src, offset, indent) {
        const lineStart = PlainValue.Node.endOfLine(src, offset) + 1;
        offset = PlainValue.Node.endOfWhiteSpace(src, lineStart);
        const ch = src[offset];
        if (!ch) return false;
        if (offset >= lineStart + indent) return true;
        if (ch !== "#" && ch !== "\n") return false;
        return _Collection.nextContentHasIndent(src, offset, indent);
      }
      constructor(firstItem) {
        super(firstItem.type === PlainValue.Type.SEQ_ITEM ? PlainValue.Type.SEQ : PlainValue.Type.MAP);
        for (let i = firstItem.props.length - 1; i >= 0; --i) {
          if (firstItem.props[i].start < firstItem.context.lineStart) {
            this.props = firstItem.props.slice(0, i + 1);
            firstItem.props = firstItem.props.slice(i + 1);
            const itemRange = firstItem.props[0] || firstItem.valueRange;
            firstItem.range.start = itemRange.start;
            break;
          }
        }
        this.items = [firstItem];
        const ec = grabCollectionEndComments(firstItem);
        if (ec) Array.prototype.push.apply(this.items, ec);
      }
      get includesTrailingLines() {
        return this.items.length > 0;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let lineStart = PlainValue.Node.startOfLine(src, start);
        const firstItem = this.items[0];
        firstItem.context.parent = this;
        this.valueRange = PlainValue.Range.copy(firstItem.valueRange);
        const indent = firstItem.range.start - firstItem.context.lineStart;
        let offset = start;
        offset = PlainValue.Node.normalizeOffset(src, offset);
        let ch = src[offset];
        let atLineStart = PlainValue.Node.endOfWhiteSpace(src, lineStart) === offset;
        let prevIncludesTrailingLines = false;
        while (ch) {
          while (ch === "\n" || ch === "#") {
            if (atLineStart && ch === "\n" && !prevIncludesTrailingLines) {
              const blankLine = new BlankLine();
              offset = blankLine.parse({
                src
              }, offset);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
              this.items.push(blankLine);
              offset -= 1;
            } else if (ch === "#") {
              if (offset < lineStart + indent && !_Collection.nextContentHasIndent(src, offset, indent)) {
                return offset;
              }
              const comment = new Comment();
              offset = comment.parse({
                indent,
                lineStart,
                src
              }, offset);
              this.items.push(comment);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
            }
            lineStart = offset + 1;
            offset = PlainValue.Node.endOfIndent(src, lineStart);
            if (PlainValue.Node.atBlank(src, offset)) {
              const wsEnd = PlainValue.Node.endOfWhiteSpace(src, offset);
              const next = src[wsEnd];
              if (!next || next === "\n" || next === "#") {
                offset = wsEnd;
              }
            }
            ch = src[offset];
            atLineStart = true;
          }
          if (!ch) {
            break;
          }
          if (offset !== lineStart + indent && (atLineStart || ch !== ":")) {
            if (offset < lineStart + indent) {
              if (lineStart > start) offset = lineStart;
              break;
            } else if (!this.error) {
              const msg = "All collection items must start at the same column";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          if (firstItem.type === PlainValue.Type.SEQ_ITEM) {
            if (ch !== "-") {
              if (lineStart > start) offset = lineStart;
              break;
            }
          } else if (ch === "-" && !this.error) {
            const next = src[offset + 1];
            if (!next || next === "\n" || next === "	" || next === " ") {
              const msg = "A collection cannot be both a mapping and a sequence";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          const node = parseNode({
            atLineStart,
            inCollection: true,
            indent,
            lineStart,
            parent: this
          }, offset);
          if (!node) return offset;
          this.items.push(node);
          this.valueRange.end = node.valueRange.end;
          offset = PlainValue.Node.normalizeOffset(src, node.range.end);
          ch = src[offset];
          atLineStart = false;
          prevIncludesTrailingLines = node.includesTrailingLines;
          if (ch) {
            let ls = offset - 1;
            let prev = src[ls];
            while (prev === " " || prev === "	") prev = src[--ls];
            if (prev === "\n") {
              lineStart = ls + 1;
              atLineStart = true;
            }
          }
          const ec = grabCollectionEndComments(node);
          if (ec) Array.prototype.push.apply(this.items, ec);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        let str2 = src.slice(range.start, items[0].range.start) + String(items[0]);
        for (let i = 1; i < items.length; ++i) {
          const item = items[i];
          const {
            atLineStart,
            indent
          } = item.context;
          if (atLineStart) for (let i2 = 0; i2 < indent; ++i2) str2 += " ";
          str2 += String(item);
        }
        return PlainValue.Node.addStringTerminator(src, range.end, str2);
      }
    };
    var Directive = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.DIRECTIVE);
        this.name = null;
      }
      get parameters() {
        const raw = this.rawValue;
        return raw ? raw.trim().split(/[ \t]+/) : [];
      }
      parseName(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "	" && ch !== " ") ch = src[offset += 1];
        this.name = src.slice(start, offset);
        return offset;
      }
      parseParameters(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "#") ch = src[offset += 1];
        this.valueRange = new PlainValue.Range(start, offset);
        return offset;
      }
      parse(context, start) {
        this.context = context;
        let offset = this.parseName(start + 1);
        offset = this.parseParameters(offset);
        offset = this.parseComment(offset);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    var Document = class _Document extends PlainValue.Node {
      static startCommentOrEndBlankLine(src, start) {
        const offset = PlainValue.Node.endOfWhiteSpace(src, start);
        const ch = src[offset];
        return ch === "#" || ch === "\n" ? offset : start;
      }
      constructor() {
        super(PlainValue.Type.DOCUMENT);
        this.directives = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.documentEndMarker = null;
      }
      parseDirectives(start) {
        const {
          src
        } = this.context;
        this.directives = [];
        let atLineStart = true;
        let hasDirectives = false;
        let offset = start;
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DIRECTIVES_END)) {
          offset = _Document.startCommentOrEndBlankLine(src, offset);
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.directives.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.directives.push(comment);
                atLineStart = false;
              }
              break;
            case "%":
              {
                const directive = new Directive();
                offset = directive.parse({
                  parent: this,
                  src
                }, offset);
                this.directives.push(directive);
                hasDirectives = true;
                atLineStart = false;
              }
              break;
            default:
              if (hasDirectives) {
                this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
              } else if (this.directives.length > 0) {
                this.contents = this.directives;
                this.directives = [];
              }
              return offset;
          }
        }
        if (src[offset]) {
          this.directivesEndMarker = new PlainValue.Range(offset, offset + 3);
          return offset + 3;
        }
        if (hasDirectives) {
          this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
        } else if (this.directives.length > 0) {
          this.contents = this.directives;
          this.directives = [];
        }
        return offset;
      }
      parseContents(start) {
        const {
          parseNode,
          src
        } = this.context;
        if (!this.contents) this.contents = [];
        let lineStart = start;
        while (src[lineStart - 1] === "-") lineStart -= 1;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start);
        let atLineStart = lineStart === start;
        this.valueRange = new PlainValue.Range(offset);
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DOCUMENT_END)) {
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.contents.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              lineStart = offset;
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.contents.push(comment);
                atLineStart = false;
              }
              break;
            default: {
              const iEnd = PlainValue.Node.endOfIndent(src, offset);
              const context = {
                atLineStart,
                indent: -1,
                inFlow: false,
                inCollection: false,
                lineStart,
                parent: this
              };
              const node = parseNode(context, iEnd);
              if (!node) return this.valueRange.end = iEnd;
              this.contents.push(node);
              offset = node.range.end;
              atLineStart = false;
              const ec = grabCollectionEndComments(node);
              if (ec) Array.prototype.push.apply(this.contents, ec);
            }
          }
          offset = _Document.startCommentOrEndBlankLine(src, offset);
        }
        this.valueRange.end = offset;
        if (src[offset]) {
          this.documentEndMarker = new PlainValue.Range(offset, offset + 3);
          offset += 3;
          if (src[offset]) {
            offset = PlainValue.Node.endOfWhiteSpace(src, offset);
            if (src[offset] === "#") {
              const comment = new Comment();
              offset = comment.parse({
                src
              }, offset);
              this.contents.push(comment);
            }
            switch (src[offset]) {
              case "\n":
                offset += 1;
                break;
              case void 0:
                break;
              default:
                this.error = new PlainValue.YAMLSyntaxError(this, "Document end marker line cannot have a non-comment suffix");
            }
          }
        }
        return offset;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        context.root = this;
        this.context = context;
        const {
          src
        } = context;
        let offset = src.charCodeAt(start) === 65279 ? start + 1 : start;
        offset = this.parseDirectives(offset);
        offset = this.parseContents(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.directives.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.directivesEndMarker) offset = this.directivesEndMarker.setOrigRange(cr, offset);
        this.contents.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.documentEndMarker) offset = this.documentEndMarker.setOrigRange(cr, offset);
        return offset;
      }
      toString() {
        const {
          contents,
          directives,
          value
        } = this;
        if (value != null) return value;
        let str2 = directives.join("");
        if (contents.length > 0) {
          if (directives.length > 0 || contents[0].type === PlainValue.Type.COMMENT) str2 += "---\n";
          str2 += contents.join("");
        }
        if (str2[str2.length - 1] !== "\n") str2 += "\n";
        return str2;
      }
    };
    var Alias = class extends PlainValue.Node {
      /**
       * Parses an *alias from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = PlainValue.Node.endOfIdentifier(src, start + 1);
        this.valueRange = new PlainValue.Range(start + 1, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var Chomp = {
      CLIP: "CLIP",
      KEEP: "KEEP",
      STRIP: "STRIP"
    };
    var BlockValue = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.blockIndent = null;
        this.chomping = Chomp.CLIP;
        this.header = null;
      }
      get includesTrailingLines() {
        return this.chomping === Chomp.KEEP;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (this.valueRange.isEmpty()) return "";
        let lastNewLine = null;
        let ch = src[end - 1];
        while (ch === "\n" || ch === "	" || ch === " ") {
          end -= 1;
          if (end <= start) {
            if (this.chomping === Chomp.KEEP) break;
            else return "";
          }
          if (ch === "\n") lastNewLine = end;
          ch = src[end - 1];
        }
        let keepStart = end + 1;
        if (lastNewLine) {
          if (this.chomping === Chomp.KEEP) {
            keepStart = lastNewLine;
            end = this.valueRange.end;
          } else {
            end = lastNewLine;
          }
        }
        const bi = indent + this.blockIndent;
        const folded = this.type === PlainValue.Type.BLOCK_FOLDED;
        let atStart = true;
        let str2 = "";
        let sep = "";
        let prevMoreIndented = false;
        for (let i = start; i < end; ++i) {
          for (let j = 0; j < bi; ++j) {
            if (src[i] !== " ") break;
            i += 1;
          }
          const ch2 = src[i];
          if (ch2 === "\n") {
            if (sep === "\n") str2 += "\n";
            else sep = "\n";
          } else {
            const lineEnd = PlainValue.Node.endOfLine(src, i);
            const line = src.slice(i, lineEnd);
            i = lineEnd;
            if (folded && (ch2 === " " || ch2 === "	") && i < keepStart) {
              if (sep === " ") sep = "\n";
              else if (!prevMoreIndented && !atStart && sep === "\n") sep = "\n\n";
              str2 += sep + line;
              sep = lineEnd < end && src[lineEnd] || "";
              prevMoreIndented = true;
            } else {
              str2 += sep + line;
              sep = folded && i < keepStart ? " " : "\n";
              prevMoreIndented = false;
            }
            if (atStart && line !== "") atStart = false;
          }
        }
        return this.chomping === Chomp.STRIP ? str2 : str2 + "\n";
      }
      parseBlockHeader(start) {
        const {
          src
        } = this.context;
        let offset = start + 1;
        let bi = "";
        while (true) {
          const ch = src[offset];
          switch (ch) {
            case "-":
              this.chomping = Chomp.STRIP;
              break;
            case "+":
              this.chomping = Chomp.KEEP;
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7":
            case "8":
            case "9":
              bi += ch;
              break;
            default:
              this.blockIndent = Number(bi) || null;
              this.header = new PlainValue.Range(start, offset);
              return offset;
          }
          offset += 1;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          src
        } = this.context;
        const explicit = !!this.blockIndent;
        let offset = start;
        let valueEnd = start;
        let minBlockIndent = 1;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          offset += 1;
          if (PlainValue.Node.atDocumentBoundary(src, offset)) break;
          const end = PlainValue.Node.endOfBlockIndent(src, indent, offset);
          if (end === null) break;
          const ch2 = src[end];
          const lineIndent = end - (offset + indent);
          if (!this.blockIndent) {
            if (src[end] !== "\n") {
              if (lineIndent < minBlockIndent) {
                const msg = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
                this.error = new PlainValue.YAMLSemanticError(this, msg);
              }
              this.blockIndent = lineIndent;
            } else if (lineIndent > minBlockIndent) {
              minBlockIndent = lineIndent;
            }
          } else if (ch2 && ch2 !== "\n" && lineIndent < this.blockIndent) {
            if (src[end] === "#") break;
            if (!this.error) {
              const src2 = explicit ? "explicit indentation indicator" : "first line";
              const msg = `Block scalars must not be less indented than their ${src2}`;
              this.error = new PlainValue.YAMLSemanticError(this, msg);
            }
          }
          if (src[end] === "\n") {
            offset = end;
          } else {
            offset = valueEnd = PlainValue.Node.endOfLine(src, end);
          }
        }
        if (this.chomping !== Chomp.KEEP) {
          offset = src[valueEnd] ? valueEnd + 1 : valueEnd;
        }
        this.valueRange = new PlainValue.Range(start + 1, offset);
        return offset;
      }
      /**
       * Parses a block value from the source
       *
       * Accepted forms are:
       * ```
       * BS
       * block
       * lines
       *
       * BS #comment
       * block
       * lines
       * ```
       * where the block style BS matches the regexp `[|>][-+1-9]*` and block lines
       * are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this block
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = this.parseBlockHeader(start);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        offset = this.parseBlockValue(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.header ? this.header.setOrigRange(cr, offset) : offset;
      }
    };
    var FlowCollection = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.items = null;
      }
      prevNodeIsJsonLike(idx = this.items.length) {
        const node = this.items[idx - 1];
        return !!node && (node.jsonLike || node.type === PlainValue.Type.COMMENT && this.prevNodeIsJsonLike(idx - 1));
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let {
          indent,
          lineStart
        } = context;
        let char = src[start];
        this.items = [{
          char,
          offset: start
        }];
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        char = src[offset];
        while (char && char !== "]" && char !== "}") {
          switch (char) {
            case "\n":
              {
                lineStart = offset + 1;
                const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
                if (src[wsEnd] === "\n") {
                  const blankLine = new BlankLine();
                  lineStart = blankLine.parse({
                    src
                  }, lineStart);
                  this.items.push(blankLine);
                }
                offset = PlainValue.Node.endOfIndent(src, lineStart);
                if (offset <= lineStart + indent) {
                  char = src[offset];
                  if (offset < lineStart + indent || char !== "]" && char !== "}") {
                    const msg = "Insufficient indentation in flow collection";
                    this.error = new PlainValue.YAMLSemanticError(this, msg);
                  }
                }
              }
              break;
            case ",":
              {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.items.push(comment);
              }
              break;
            case "?":
            case ":": {
              const next = src[offset + 1];
              if (next === "\n" || next === "	" || next === " " || next === "," || // in-flow : after JSON-like key does not need to be followed by whitespace
              char === ":" && this.prevNodeIsJsonLike()) {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
                break;
              }
            }
            // fallthrough
            default: {
              const node = parseNode({
                atLineStart: false,
                inCollection: false,
                inFlow: true,
                indent: -1,
                lineStart,
                parent: this
              }, offset);
              if (!node) {
                this.valueRange = new PlainValue.Range(start, offset);
                return offset;
              }
              this.items.push(node);
              offset = PlainValue.Node.normalizeOffset(src, node.range.end);
            }
          }
          offset = PlainValue.Node.endOfWhiteSpace(src, offset);
          char = src[offset];
        }
        this.valueRange = new PlainValue.Range(start, offset + 1);
        if (char) {
          this.items.push({
            char,
            offset
          });
          offset = PlainValue.Node.endOfWhiteSpace(src, offset + 1);
          offset = this.parseComment(offset);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          if (node instanceof PlainValue.Node) {
            offset = node.setOrigRanges(cr, offset);
          } else if (cr.length === 0) {
            node.origOffset = node.offset;
          } else {
            let i = offset;
            while (i < cr.length) {
              if (cr[i] > node.offset) break;
              else ++i;
            }
            node.origOffset = node.offset + i;
            offset = i;
          }
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        const nodes = items.filter((item) => item instanceof PlainValue.Node);
        let str2 = "";
        let prevEnd = range.start;
        nodes.forEach((node) => {
          const prefix = src.slice(prevEnd, node.range.start);
          prevEnd = node.range.end;
          str2 += prefix + String(node);
          if (str2[str2.length - 1] === "\n" && src[prevEnd - 1] !== "\n" && src[prevEnd] === "\n") {
            prevEnd += 1;
          }
        });
        str2 += src.slice(prevEnd, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str2);
      }
    };
    var QuoteDouble = class _QuoteDouble extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch && ch !== '"') {
          offset += ch === "\\" ? 2 : 1;
          ch = src[offset];
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== '"') errors.push(new PlainValue.YAMLSyntaxError(this, 'Missing closing "quote'));
        let str2 = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str2 += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line double-quoted string needs to be sufficiently indented"));
          } else if (ch === "\\") {
            i += 1;
            switch (src[i]) {
              case "0":
                str2 += "\0";
                break;
              // null character
              case "a":
                str2 += "\x07";
                break;
              // bell character
              case "b":
                str2 += "\b";
                break;
              // backspace
              case "e":
                str2 += "\x1B";
                break;
              // escape character
              case "f":
                str2 += "\f";
                break;
              // form feed
              case "n":
                str2 += "\n";
                break;
              // line feed
              case "r":
                str2 += "\r";
                break;
              // carriage return
              case "t":
                str2 += "	";
                break;
              // horizontal tab
              case "v":
                str2 += "\v";
                break;
              // vertical tab
              case "N":
                str2 += "\x85";
                break;
              // Unicode next line
              case "_":
                str2 += "\xA0";
                break;
              // Unicode non-breaking space
              case "L":
                str2 += "\u2028";
                break;
              // Unicode line separator
              case "P":
                str2 += "\u2029";
                break;
              // Unicode paragraph separator
              case " ":
                str2 += " ";
                break;
              case '"':
                str2 += '"';
                break;
              case "/":
                str2 += "/";
                break;
              case "\\":
                str2 += "\\";
                break;
              case "	":
                str2 += "	";
                break;
              case "x":
                str2 += this.parseCharCode(i + 1, 2, errors);
                i += 2;
                break;
              case "u":
                str2 += this.parseCharCode(i + 1, 4, errors);
                i += 4;
                break;
              case "U":
                str2 += this.parseCharCode(i + 1, 8, errors);
                i += 8;
                break;
              case "\n":
                while (src[i + 1] === " " || src[i + 1] === "	") i += 1;
                break;
              default:
                errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(i - 1, 2)}`));
                str2 += "\\" + src[i];
            }
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str2 += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str2 += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str: str2
        } : str2;
      }
      parseCharCode(offset, length, errors) {
        const {
          src
        } = this.context;
        const cc = src.substr(offset, length);
        const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
        const code = ok ? parseInt(cc, 16) : NaN;
        if (isNaN(code)) {
          errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(offset - 2, length + 2)}`));
          return src.substr(offset - 2, length + 2);
        }
        return String.fromCodePoint(code);
      }
      /**
       * Parses a "double quoted" value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteDouble.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var QuoteSingle = class _QuoteSingle extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch) {
          if (ch === "'") {
            if (src[offset + 1] !== "'") break;
            ch = src[offset += 2];
          } else {
            ch = src[offset += 1];
          }
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Missing closing 'quote"));
        let str2 = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str2 += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line single-quoted string needs to be sufficiently indented"));
          } else if (ch === "'") {
            str2 += ch;
            i += 1;
            if (src[i] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Unescaped single quote? This should not happen."));
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str2 += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str2 += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str: str2
        } : str2;
      }
      /**
       * Parses a 'single quoted' value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteSingle.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    function createNewNode(type, props) {
      switch (type) {
        case PlainValue.Type.ALIAS:
          return new Alias(type, props);
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
          return new BlockValue(type, props);
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.FLOW_SEQ:
          return new FlowCollection(type, props);
        case PlainValue.Type.MAP_KEY:
        case PlainValue.Type.MAP_VALUE:
        case PlainValue.Type.SEQ_ITEM:
          return new CollectionItem(type, props);
        case PlainValue.Type.COMMENT:
        case PlainValue.Type.PLAIN:
          return new PlainValue.PlainValue(type, props);
        case PlainValue.Type.QUOTE_DOUBLE:
          return new QuoteDouble(type, props);
        case PlainValue.Type.QUOTE_SINGLE:
          return new QuoteSingle(type, props);
        /* istanbul ignore next */
        default:
          return null;
      }
    }
    var ParseContext = class _ParseContext {
      static parseType(src, offset, inFlow) {
        switch (src[offset]) {
          case "*":
            return PlainValue.Type.ALIAS;
          case ">":
            return PlainValue.Type.BLOCK_FOLDED;
          case "|":
            return PlainValue.Type.BLOCK_LITERAL;
          case "{":
            return PlainValue.Type.FLOW_MAP;
          case "[":
            return PlainValue.Type.FLOW_SEQ;
          case "?":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_KEY : PlainValue.Type.PLAIN;
          case ":":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_VALUE : PlainValue.Type.PLAIN;
          case "-":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.SEQ_ITEM : PlainValue.Type.PLAIN;
          case '"':
            return PlainValue.Type.QUOTE_DOUBLE;
          case "'":
            return PlainValue.Type.QUOTE_SINGLE;
          default:
            return PlainValue.Type.PLAIN;
        }
      }
      constructor(orig = {}, {
        atLineStart,
        inCollection,
        inFlow,
        indent,
        lineStart,
        parent
      } = {}) {
        PlainValue._defineProperty(this, "parseNode", (overlay, start) => {
          if (PlainValue.Node.atDocumentBoundary(this.src, start)) return null;
          const context = new _ParseContext(this, overlay);
          const {
            props,
            type,
            valueStart
          } = context.parseProps(start);
          const node = createNewNode(type, props);
          let offset = start;
          try {
            offset = node.parse(context, valueStart);
          } catch (error) {
            const msg = error instanceof Error ? error.message : String(error);
            if (!node.error) node.error = new PlainValue.YAMLSyntaxError(node, msg);
          }
          node.range = new PlainValue.Range(start, offset);
          if (offset <= start) {
            if (!node.error) node.error = new Error(`Node#parse consumed no characters`);
            node.error.parseEnd = offset;
            node.error.source = node;
            node.range.end = start + 1;
          }
          if (context.nodeStartsCollection(node)) {
            if (!node.error && !context.atLineStart && context.parent.type === PlainValue.Type.DOCUMENT) {
              node.error = new PlainValue.YAMLSyntaxError(node, "Block collection must not have preceding content here (e.g. directives-end indicator)");
            }
            const collection = new Collection(node);
            offset = collection.parse(new _ParseContext(context), offset);
            collection.range = new PlainValue.Range(start, offset);
            return collection;
          }
          return node;
        });
        this.atLineStart = atLineStart != null ? atLineStart : orig.atLineStart || false;
        this.inCollection = inCollection != null ? inCollection : orig.inCollection || false;
        this.inFlow = inFlow != null ? inFlow : orig.inFlow || false;
        this.indent = indent != null ? indent : orig.indent;
        this.lineStart = lineStart != null ? lineStart : orig.lineStart;
        this.parent = parent != null ? parent : orig.parent || {};
        this.root = orig.root;
        this.src = orig.src;
      }
      nodeStartsCollection(node) {
        const {
          inCollection,
          inFlow,
          src
        } = this;
        if (inCollection || inFlow) return false;
        if (node instanceof CollectionItem) return true;
        let offset = node.range.end;
        if (src[offset] === "\n" || src[offset - 1] === "\n") return false;
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        return src[offset] === ":";
      }
      // Anchor and tag are before type, which determines the node implementation
      // class; hence this intermediate step.
      parseProps(offset) {
        const {
          inFlow,
          parent,
          src
        } = this;
        const props = [];
        let lineHasProps = false;
        offset = this.atLineStart ? PlainValue.Node.endOfIndent(src, offset) : PlainValue.Node.endOfWhiteSpace(src, offset);
        let ch = src[offset];
        while (ch === PlainValue.Char.ANCHOR || ch === PlainValue.Char.COMMENT || ch === PlainValue.Char.TAG || ch === "\n") {
          if (ch === "\n") {
            let inEnd = offset;
            let lineStart;
            do {
              lineStart = inEnd + 1;
              inEnd = PlainValue.Node.endOfIndent(src, lineStart);
            } while (src[inEnd] === "\n");
            const indentDiff = inEnd - (lineStart + this.indent);
            const noIndicatorAsIndent = parent.type === PlainValue.Type.SEQ_ITEM && parent.context.atLineStart;
            if (src[inEnd] !== "#" && !PlainValue.Node.nextNodeIsIndented(src[inEnd], indentDiff, !noIndicatorAsIndent)) break;
            this.atLineStart = true;
            this.lineStart = lineStart;
            lineHasProps = false;
            offset = inEnd;
          } else if (ch === PlainValue.Char.COMMENT) {
            const end = PlainValue.Node.endOfLine(src, offset + 1);
            props.push(new PlainValue.Range(offset, end));
            offset = end;
          } else {
            let end = PlainValue.Node.endOfIdentifier(src, offset + 1);
            if (ch === PlainValue.Char.TAG && src[end] === "," && /^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+,\d\d\d\d(-\d\d){0,2}\/\S/.test(src.slice(offset + 1, end + 13))) {
              end = PlainValue.Node.endOfIdentifier(src, end + 5);
            }
            props.push(new PlainValue.Range(offset, end));
            lineHasProps = true;
            offset = PlainValue.Node.endOfWhiteSpace(src, end);
          }
          ch = src[offset];
        }
        if (lineHasProps && ch === ":" && PlainValue.Node.atBlank(src, offset + 1, true)) offset -= 1;
        const type = _ParseContext.parseType(src, offset, inFlow);
        return {
          props,
          type,
          valueStart: offset
        };
      }
    };
    function parse2(src) {
      const cr = [];
      if (src.indexOf("\r") !== -1) {
        src = src.replace(/\r\n?/g, (match, offset2) => {
          if (match.length > 1) cr.push(offset2);
          return "\n";
        });
      }
      const documents = [];
      let offset = 0;
      do {
        const doc = new Document();
        const context = new ParseContext({
          src
        });
        offset = doc.parse(context, offset);
        documents.push(doc);
      } while (offset < src.length);
      documents.setOrigRanges = () => {
        if (cr.length === 0) return false;
        for (let i = 1; i < cr.length; ++i) cr[i] -= i;
        let crOffset = 0;
        for (let i = 0; i < documents.length; ++i) {
          crOffset = documents[i].setOrigRanges(cr, crOffset);
        }
        cr.splice(0, cr.length);
        return true;
      };
      documents.toString = () => documents.join("...\n");
      return documents;
    }
    exports.parse = parse2;
  }
});

// node_modules/yaml/dist/resolveSeq-95613e94.js
var require_resolveSeq_95613e94 = __commonJS({
  "node_modules/yaml/dist/resolveSeq-95613e94.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    function addCommentBefore(str2, indent, comment) {
      if (!comment) return str2;
      const cc = comment.replace(/[\s\S]^/gm, `$&${indent}#`);
      return `#${cc}
${indent}${str2}`;
    }
    function addComment(str2, indent, comment) {
      return !comment ? str2 : comment.indexOf("\n") === -1 ? `${str2} #${comment}` : `${str2}
` + comment.replace(/^/gm, `${indent || ""}#`);
    }
    var Node = class {
    };
    function toJSON(value, arg, ctx) {
      if (Array.isArray(value)) return value.map((v, i) => toJSON(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        const anchor = ctx && ctx.anchors && ctx.anchors.get(value);
        if (anchor) ctx.onCreate = (res2) => {
          anchor.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (anchor && ctx.onCreate) ctx.onCreate(res);
        return res;
      }
      if ((!ctx || !ctx.keep) && typeof value === "bigint") return Number(value);
      return value;
    }
    var Scalar = class extends Node {
      constructor(value) {
        super();
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx && ctx.keep ? this.value : toJSON(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    function collectionFromPath(schema, path8, value) {
      let v = value;
      for (let i = path8.length - 1; i >= 0; --i) {
        const k = path8[i];
        if (Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          const o = {};
          Object.defineProperty(o, k, {
            value: v,
            writable: true,
            enumerable: true,
            configurable: true
          });
          v = o;
        }
      }
      return schema.createNode(v, false);
    }
    var isEmptyPath = (path8) => path8 == null || typeof path8 === "object" && path8[Symbol.iterator]().next().done;
    var Collection = class _Collection extends Node {
      constructor(schema) {
        super();
        PlainValue._defineProperty(this, "items", []);
        this.schema = schema;
      }
      addIn(path8, value) {
        if (isEmptyPath(path8)) this.add(value);
        else {
          const [key, ...rest] = path8;
          const node = this.get(key, true);
          if (node instanceof _Collection) node.addIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      deleteIn([key, ...rest]) {
        if (rest.length === 0) return this.delete(key);
        const node = this.get(key, true);
        if (node instanceof _Collection) return node.deleteIn(rest);
        else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      getIn([key, ...rest], keepScalar) {
        const node = this.get(key, true);
        if (rest.length === 0) return !keepScalar && node instanceof Scalar ? node.value : node;
        else return node instanceof _Collection ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues() {
        return this.items.every((node) => {
          if (!node || node.type !== "PAIR") return false;
          const n = node.value;
          return n == null || n instanceof Scalar && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      hasIn([key, ...rest]) {
        if (rest.length === 0) return this.has(key);
        const node = this.get(key, true);
        return node instanceof _Collection ? node.hasIn(rest) : false;
      }
      setIn([key, ...rest], value) {
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (node instanceof _Collection) node.setIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      // overridden in implementations
      /* istanbul ignore next */
      toJSON() {
        return null;
      }
      toString(ctx, {
        blockItem,
        flowChars,
        isMap,
        itemIndent
      }, onComment, onChompKeep) {
        const {
          indent,
          indentStep,
          stringify
        } = ctx;
        const inFlow = this.type === PlainValue.Type.FLOW_MAP || this.type === PlainValue.Type.FLOW_SEQ || ctx.inFlow;
        if (inFlow) itemIndent += indentStep;
        const allNullValues = isMap && this.hasAllNullValues();
        ctx = Object.assign({}, ctx, {
          allNullValues,
          indent: itemIndent,
          inFlow,
          type: null
        });
        let chompKeep = false;
        let hasItemWithNewLine = false;
        const nodes = this.items.reduce((nodes2, item, i) => {
          let comment;
          if (item) {
            if (!chompKeep && item.spaceBefore) nodes2.push({
              type: "comment",
              str: ""
            });
            if (item.commentBefore) item.commentBefore.match(/^.*$/gm).forEach((line) => {
              nodes2.push({
                type: "comment",
                str: `#${line}`
              });
            });
            if (item.comment) comment = item.comment;
            if (inFlow && (!chompKeep && item.spaceBefore || item.commentBefore || item.comment || item.key && (item.key.commentBefore || item.key.comment) || item.value && (item.value.commentBefore || item.value.comment))) hasItemWithNewLine = true;
          }
          chompKeep = false;
          let str3 = stringify(item, ctx, () => comment = null, () => chompKeep = true);
          if (inFlow && !hasItemWithNewLine && str3.includes("\n")) hasItemWithNewLine = true;
          if (inFlow && i < this.items.length - 1) str3 += ",";
          str3 = addComment(str3, itemIndent, comment);
          if (chompKeep && (comment || inFlow)) chompKeep = false;
          nodes2.push({
            type: "item",
            str: str3
          });
          return nodes2;
        }, []);
        let str2;
        if (nodes.length === 0) {
          str2 = flowChars.start + flowChars.end;
        } else if (inFlow) {
          const {
            start,
            end
          } = flowChars;
          const strings = nodes.map((n) => n.str);
          if (hasItemWithNewLine || strings.reduce((sum, str3) => sum + str3.length + 2, 2) > _Collection.maxFlowStringSingleLineLength) {
            str2 = start;
            for (const s of strings) {
              str2 += s ? `
${indentStep}${indent}${s}` : "\n";
            }
            str2 += `
${indent}${end}`;
          } else {
            str2 = `${start} ${strings.join(" ")} ${end}`;
          }
        } else {
          const strings = nodes.map(blockItem);
          str2 = strings.shift();
          for (const s of strings) str2 += s ? `
${indent}${s}` : "\n";
        }
        if (this.comment) {
          str2 += "\n" + this.comment.replace(/^/gm, `${indent}#`);
          if (onComment) onComment();
        } else if (chompKeep && onChompKeep) onChompKeep();
        return str2;
      }
    };
    PlainValue._defineProperty(Collection, "maxFlowStringSingleLineLength", 60);
    function asItemIndex(key) {
      let idx = key instanceof Scalar ? key.value : key;
      if (idx && typeof idx === "string") idx = Number(idx);
      return Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    var YAMLSeq = class extends Collection {
      add(value) {
        this.items.push(value);
      }
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return void 0;
        const it = this.items[idx];
        return !keepScalar && it instanceof Scalar ? it.value : it;
      }
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") throw new Error(`Expected a valid index, not ${key}.`);
        this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx && ctx.onCreate) ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items) seq.push(toJSON(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        return super.toString(ctx, {
          blockItem: (n) => n.type === "comment" ? n.str : `- ${n.str}`,
          flowChars: {
            start: "[",
            end: "]"
          },
          isMap: false,
          itemIndent: (ctx.indent || "") + "  "
        }, onComment, onChompKeep);
      }
    };
    var stringifyKey = (key, jsKey, ctx) => {
      if (jsKey === null) return "";
      if (typeof jsKey !== "object") return String(jsKey);
      if (key instanceof Node && ctx && ctx.doc) return key.toString({
        anchors: /* @__PURE__ */ Object.create(null),
        doc: ctx.doc,
        indent: "",
        indentStep: ctx.indentStep,
        inFlow: true,
        inStringifyKey: true,
        stringify: ctx.stringify
      });
      return JSON.stringify(jsKey);
    };
    var Pair = class _Pair extends Node {
      constructor(key, value = null) {
        super();
        this.key = key;
        this.value = value;
        this.type = _Pair.Type.PAIR;
      }
      get commentBefore() {
        return this.key instanceof Node ? this.key.commentBefore : void 0;
      }
      set commentBefore(cb) {
        if (this.key == null) this.key = new Scalar(null);
        if (this.key instanceof Node) this.key.commentBefore = cb;
        else {
          const msg = "Pair.commentBefore is an alias for Pair.key.commentBefore. To set it, the key must be a Node.";
          throw new Error(msg);
        }
      }
      addToJSMap(ctx, map) {
        const key = toJSON(this.key, "", ctx);
        if (map instanceof Map) {
          const value = toJSON(this.value, key, ctx);
          map.set(key, value);
        } else if (map instanceof Set) {
          map.add(key);
        } else {
          const stringKey = stringifyKey(this.key, key, ctx);
          const value = toJSON(this.value, stringKey, ctx);
          if (stringKey in map) Object.defineProperty(map, stringKey, {
            value,
            writable: true,
            enumerable: true,
            configurable: true
          });
          else map[stringKey] = value;
        }
        return map;
      }
      toJSON(_, ctx) {
        const pair = ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return this.addToJSMap(ctx, pair);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx || !ctx.doc) return JSON.stringify(this);
        const {
          indent: indentSize,
          indentSeq,
          simpleKeys
        } = ctx.doc.options;
        let {
          key,
          value
        } = this;
        let keyComment = key instanceof Node && key.comment;
        if (simpleKeys) {
          if (keyComment) {
            throw new Error("With simple keys, key nodes cannot have comments");
          }
          if (key instanceof Collection) {
            const msg = "With simple keys, collection cannot be used as a key value";
            throw new Error(msg);
          }
        }
        let explicitKey = !simpleKeys && (!key || keyComment || (key instanceof Node ? key instanceof Collection || key.type === PlainValue.Type.BLOCK_FOLDED || key.type === PlainValue.Type.BLOCK_LITERAL : typeof key === "object"));
        const {
          doc,
          indent,
          indentStep,
          stringify
        } = ctx;
        ctx = Object.assign({}, ctx, {
          implicitKey: !explicitKey,
          indent: indent + indentStep
        });
        let chompKeep = false;
        let str2 = stringify(key, ctx, () => keyComment = null, () => chompKeep = true);
        str2 = addComment(str2, ctx.indent, keyComment);
        if (!explicitKey && str2.length > 1024) {
          if (simpleKeys) throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
          explicitKey = true;
        }
        if (ctx.allNullValues && !simpleKeys) {
          if (this.comment) {
            str2 = addComment(str2, ctx.indent, this.comment);
            if (onComment) onComment();
          } else if (chompKeep && !keyComment && onChompKeep) onChompKeep();
          return ctx.inFlow && !explicitKey ? str2 : `? ${str2}`;
        }
        str2 = explicitKey ? `? ${str2}
${indent}:` : `${str2}:`;
        if (this.comment) {
          str2 = addComment(str2, ctx.indent, this.comment);
          if (onComment) onComment();
        }
        let vcb = "";
        let valueComment = null;
        if (value instanceof Node) {
          if (value.spaceBefore) vcb = "\n";
          if (value.commentBefore) {
            const cs = value.commentBefore.replace(/^/gm, `${ctx.indent}#`);
            vcb += `
${cs}`;
          }
          valueComment = value.comment;
        } else if (value && typeof value === "object") {
          value = doc.schema.createNode(value, true);
        }
        ctx.implicitKey = false;
        if (!explicitKey && !this.comment && value instanceof Scalar) ctx.indentAtStart = str2.length + 1;
        chompKeep = false;
        if (!indentSeq && indentSize >= 2 && !ctx.inFlow && !explicitKey && value instanceof YAMLSeq && value.type !== PlainValue.Type.FLOW_SEQ && !value.tag && !doc.anchors.getName(value)) {
          ctx.indent = ctx.indent.substr(2);
        }
        const valueStr = stringify(value, ctx, () => valueComment = null, () => chompKeep = true);
        let ws = " ";
        if (vcb || this.comment) {
          ws = `${vcb}
${ctx.indent}`;
        } else if (!explicitKey && value instanceof Collection) {
          const flow = valueStr[0] === "[" || valueStr[0] === "{";
          if (!flow || valueStr.includes("\n")) ws = `
${ctx.indent}`;
        } else if (valueStr[0] === "\n") ws = "";
        if (chompKeep && !valueComment && onChompKeep) onChompKeep();
        return addComment(str2 + ws + valueStr, ctx.indent, valueComment);
      }
    };
    PlainValue._defineProperty(Pair, "Type", {
      PAIR: "PAIR",
      MERGE_PAIR: "MERGE_PAIR"
    });
    var getAliasCount = (node, anchors) => {
      if (node instanceof Alias) {
        const anchor = anchors.get(node.source);
        return anchor.count * anchor.aliasCount;
      } else if (node instanceof Collection) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(item, anchors);
          if (c > count2) count2 = c;
        }
        return count2;
      } else if (node instanceof Pair) {
        const kc = getAliasCount(node.key, anchors);
        const vc = getAliasCount(node.value, anchors);
        return Math.max(kc, vc);
      }
      return 1;
    };
    var Alias = class _Alias extends Node {
      static stringify({
        range,
        source
      }, {
        anchors,
        doc,
        implicitKey,
        inStringifyKey
      }) {
        let anchor = Object.keys(anchors).find((a) => anchors[a] === source);
        if (!anchor && inStringifyKey) anchor = doc.anchors.getName(source) || doc.anchors.newName();
        if (anchor) return `*${anchor}${implicitKey ? " " : ""}`;
        const msg = doc.anchors.getName(source) ? "Alias node must be after source node" : "Source node not found for alias node";
        throw new Error(`${msg} [${range}]`);
      }
      constructor(source) {
        super();
        this.source = source;
        this.type = PlainValue.Type.ALIAS;
      }
      set tag(t) {
        throw new Error("Alias nodes cannot have tags");
      }
      toJSON(arg, ctx) {
        if (!ctx) return toJSON(this.source, arg, ctx);
        const {
          anchors,
          maxAliasCount
        } = ctx;
        const anchor = anchors.get(this.source);
        if (!anchor || anchor.res === void 0) {
          const msg = "This should not happen: Alias anchor was not resolved?";
          if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
          else throw new ReferenceError(msg);
        }
        if (maxAliasCount >= 0) {
          anchor.count += 1;
          if (anchor.aliasCount === 0) anchor.aliasCount = getAliasCount(this.source, anchors);
          if (anchor.count * anchor.aliasCount > maxAliasCount) {
            const msg = "Excessive alias count indicates a resource exhaustion attack";
            if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
            else throw new ReferenceError(msg);
          }
        }
        return anchor.res;
      }
      // Only called when stringifying an alias mapping key while constructing
      // Object output.
      toString(ctx) {
        return _Alias.stringify(this, ctx);
      }
    };
    PlainValue._defineProperty(Alias, "default", true);
    function findPair(items, key) {
      const k = key instanceof Scalar ? key.value : key;
      for (const it of items) {
        if (it instanceof Pair) {
          if (it.key === key || it.key === k) return it;
          if (it.key && it.key.value === k) return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection {
      add(pair, overwrite) {
        if (!pair) pair = new Pair(pair);
        else if (!(pair instanceof Pair)) pair = new Pair(pair.key || pair, pair.value);
        const prev = findPair(this.items, pair.key);
        const sortEntries = this.schema && this.schema.sortMapEntries;
        if (prev) {
          if (overwrite) prev.value = pair.value;
          else throw new Error(`Key ${pair.key} already set`);
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(pair, item) < 0);
          if (i === -1) this.items.push(pair);
          else this.items.splice(i, 0, pair);
        } else {
          this.items.push(pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it) return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it && it.value;
        return !keepScalar && node instanceof Scalar ? node.value : node;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair(key, value), true);
      }
      /**
       * @param {*} arg ignored
       * @param {*} ctx Conversion context, originally set in Document#toJSON()
       * @param {Class} Type If set, forces the returned collection type
       * @returns {*} Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const item of this.items) item.addToJSMap(ctx, map);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        for (const item of this.items) {
          if (!(item instanceof Pair)) throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        return super.toString(ctx, {
          blockItem: (n) => n.str,
          flowChars: {
            start: "{",
            end: "}"
          },
          isMap: true,
          itemIndent: ctx.indent || ""
        }, onComment, onChompKeep);
      }
    };
    var MERGE_KEY = "<<";
    var Merge = class extends Pair {
      constructor(pair) {
        if (pair instanceof Pair) {
          let seq = pair.value;
          if (!(seq instanceof YAMLSeq)) {
            seq = new YAMLSeq();
            seq.items.push(pair.value);
            seq.range = pair.value.range;
          }
          super(pair.key, seq);
          this.range = pair.range;
        } else {
          super(new Scalar(MERGE_KEY), new YAMLSeq());
        }
        this.type = Pair.Type.MERGE_PAIR;
      }
      // If the value associated with a merge key is a single mapping node, each of
      // its key/value pairs is inserted into the current mapping, unless the key
      // already exists in it. If the value associated with the merge key is a
      // sequence, then this sequence is expected to contain mapping nodes and each
      // of these nodes is merged in turn according to its order in the sequence.
      // Keys in mapping nodes earlier in the sequence override keys specified in
      // later mapping nodes. -- http://yaml.org/type/merge.html
      addToJSMap(ctx, map) {
        for (const {
          source
        } of this.value.items) {
          if (!(source instanceof YAMLMap)) throw new Error("Merge sources must be maps");
          const srcMap = source.toJSON(null, ctx, Map);
          for (const [key, value] of srcMap) {
            if (map instanceof Map) {
              if (!map.has(key)) map.set(key, value);
            } else if (map instanceof Set) {
              map.add(key);
            } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
              Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
              });
            }
          }
        }
        return map;
      }
      toString(ctx, onComment) {
        const seq = this.value;
        if (seq.items.length > 1) return super.toString(ctx, onComment);
        this.value = seq.items[0];
        const str2 = super.toString(ctx, onComment);
        this.value = seq;
        return str2;
      }
    };
    var binaryOptions = {
      defaultType: PlainValue.Type.BLOCK_LITERAL,
      lineWidth: 76
    };
    var boolOptions = {
      trueStr: "true",
      falseStr: "false"
    };
    var intOptions = {
      asBigInt: false
    };
    var nullOptions = {
      nullStr: "null"
    };
    var strOptions = {
      defaultType: PlainValue.Type.PLAIN,
      doubleQuoted: {
        jsonEncoding: false,
        minMultiLineLength: 40
      },
      fold: {
        lineWidth: 80,
        minContentWidth: 20
      }
    };
    function resolveScalar(str2, tags, scalarFallback) {
      for (const {
        format: format3,
        test,
        resolve
      } of tags) {
        if (test) {
          const match = str2.match(test);
          if (match) {
            let res = resolve.apply(null, match);
            if (!(res instanceof Scalar)) res = new Scalar(res);
            if (format3) res.format = format3;
            return res;
          }
        }
      }
      if (scalarFallback) str2 = scalarFallback(str2);
      return new Scalar(str2);
    }
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    var consumeMoreIndentedLines = (text, i) => {
      let ch = text[i + 1];
      while (ch === " " || ch === "	") {
        do {
          ch = text[i += 1];
        } while (ch && ch !== "\n");
        ch = text[i + 1];
      }
      return i;
    };
    function foldFlowLines(text, indent, mode, {
      indentAtStart,
      lineWidth = 80,
      minContentWidth = 20,
      onFold,
      onOverflow
    }) {
      if (!lineWidth || lineWidth < 0) return text;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep) return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth)) folds.push(0);
        else end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i);
        if (i !== -1) end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK) i = consumeMoreIndentedLines(text, i);
          end = i + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	") split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j]) return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow) onOverflow();
      if (folds.length === 0) return text;
      if (onFold) onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0) res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold]) res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    var getFoldOptions = ({
      indentAtStart
    }) => indentAtStart ? Object.assign({
      indentAtStart
    }, strOptions.fold) : strOptions.fold;
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0) return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit) return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit) return true;
          start = i + 1;
          if (strLen - start <= limit) return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const {
        implicitKey
      } = ctx;
      const {
        jsonEncoding,
        minMultiLineLength
      } = strOptions.doubleQuoted;
      const json = JSON.stringify(value);
      if (jsonEncoding) return json;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\") switch (json[i + 1]) {
          case "u":
            {
              str2 += json.slice(start, i);
              const code = json.substr(i + 2, 4);
              switch (code) {
                case "0000":
                  str2 += "\\0";
                  break;
                case "0007":
                  str2 += "\\a";
                  break;
                case "000b":
                  str2 += "\\v";
                  break;
                case "001b":
                  str2 += "\\e";
                  break;
                case "0085":
                  str2 += "\\N";
                  break;
                case "00a0":
                  str2 += "\\_";
                  break;
                case "2028":
                  str2 += "\\L";
                  break;
                case "2029":
                  str2 += "\\P";
                  break;
                default:
                  if (code.substr(0, 2) === "00") str2 += "\\x" + code.substr(2);
                  else str2 += json.substr(i, 6);
              }
              i += 5;
              start = i + 1;
            }
            break;
          case "n":
            if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
              i += 1;
            } else {
              str2 += json.slice(start, i) + "\n\n";
              while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                str2 += "\n";
                i += 2;
              }
              str2 += indent;
              if (json[i + 2] === " ") str2 += "\\";
              i += 1;
              start = i + 1;
            }
            break;
          default:
            i += 1;
        }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines(str2, indent, FOLD_QUOTED, getFoldOptions(ctx));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.implicitKey) {
        if (/\n/.test(value)) return doubleQuotedString(value, ctx);
      } else {
        if (/[ \t]\n|\n[ \t]/.test(value)) return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx));
    }
    function blockString({
      comment,
      type,
      value
    }, ctx, onComment, onChompKeep) {
      if (/\n[\t ]+$/.test(value) || /^\s*$/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const indentSize = indent ? "2" : "1";
      const literal = type === PlainValue.Type.BLOCK_FOLDED ? false : type === PlainValue.Type.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, strOptions.fold.lineWidth, indent.length);
      let header = literal ? "|" : ">";
      if (!value) return header + "\n";
      let wsStart = "";
      let wsEnd = "";
      value = value.replace(/[\n\t ]*$/, (ws) => {
        const n = ws.indexOf("\n");
        if (n === -1) {
          header += "-";
        } else if (value === ws || n !== ws.length - 1) {
          header += "+";
          if (onChompKeep) onChompKeep();
        }
        wsEnd = ws.replace(/\n$/, "");
        return "";
      }).replace(/^[\n ]*/, (ws) => {
        if (ws.indexOf(" ") !== -1) header += indentSize;
        const m = ws.match(/ +$/);
        if (m) {
          wsStart = ws.slice(0, -m[0].length);
          return m[0];
        } else {
          wsStart = ws;
          return "";
        }
      });
      if (wsEnd) wsEnd = wsEnd.replace(/\n+(?!\n|$)/g, `$&${indent}`);
      if (wsStart) wsStart = wsStart.replace(/\n+/g, `$&${indent}`);
      if (comment) {
        header += " #" + comment.replace(/ ?[\r\n]+/g, " ");
        if (onComment) onComment();
      }
      if (!value) return `${header}${indentSize}
${indent}${wsEnd}`;
      if (literal) {
        value = value.replace(/\n+/g, `$&${indent}`);
        return `${header}
${indent}${wsStart}${value}${wsEnd}`;
      }
      value = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
      const body = foldFlowLines(`${wsStart}${value}${wsEnd}`, indent, FOLD_BLOCK, strOptions.fold);
      return `${header}
${indent}${body}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const {
        comment,
        type,
        value
      } = item;
      const {
        actualString,
        implicitKey,
        indent,
        inFlow
      } = ctx;
      if (implicitKey && /[\n[\]{},]/.test(value) || inFlow && /[[\]{},]/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      if (!value || /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || value.indexOf("\n") === -1 ? value.indexOf('"') !== -1 && value.indexOf("'") === -1 ? singleQuotedString(value, ctx) : doubleQuotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== PlainValue.Type.PLAIN && value.indexOf("\n") !== -1) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (indent === "" && containsDocumentMarker(value)) {
        ctx.forceBlockIndent = true;
        return blockString(item, ctx, onComment, onChompKeep);
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const {
          tags
        } = ctx.doc.schema;
        const resolved = resolveScalar(str2, tags, tags.scalarFallback).value;
        if (typeof resolved !== "string") return doubleQuotedString(value, ctx);
      }
      const body = implicitKey ? str2 : foldFlowLines(str2, indent, FOLD_FLOW, getFoldOptions(ctx));
      if (comment && !inFlow && (body.indexOf("\n") !== -1 || comment.indexOf("\n") !== -1)) {
        if (onComment) onComment();
        return addCommentBefore(body, indent, comment);
      }
      return body;
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const {
        defaultType
      } = strOptions;
      const {
        implicitKey,
        inFlow
      } = ctx;
      let {
        type,
        value
      } = item;
      if (typeof value !== "string") {
        value = String(value);
        item = Object.assign({}, item, {
          value
        });
      }
      const _stringify = (_type) => {
        switch (_type) {
          case PlainValue.Type.BLOCK_FOLDED:
          case PlainValue.Type.BLOCK_LITERAL:
            return blockString(item, ctx, onComment, onChompKeep);
          case PlainValue.Type.QUOTE_DOUBLE:
            return doubleQuotedString(value, ctx);
          case PlainValue.Type.QUOTE_SINGLE:
            return singleQuotedString(value, ctx);
          case PlainValue.Type.PLAIN:
            return plainString(item, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      if (type !== PlainValue.Type.QUOTE_DOUBLE && /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(value)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      } else if ((implicitKey || inFlow) && (type === PlainValue.Type.BLOCK_FOLDED || type === PlainValue.Type.BLOCK_LITERAL)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      }
      let res = _stringify(type);
      if (res === null) {
        res = _stringify(defaultType);
        if (res === null) throw new Error(`Unsupported default string type ${defaultType}`);
      }
      return res;
    }
    function stringifyNumber({
      format: format3,
      minFractionDigits,
      tag,
      value
    }) {
      if (typeof value === "bigint") return String(value);
      if (!isFinite(value)) return isNaN(value) ? ".nan" : value < 0 ? "-.inf" : ".inf";
      let n = JSON.stringify(value);
      if (!format3 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^\d/.test(n)) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0) n += "0";
      }
      return n;
    }
    function checkFlowCollectionEnd(errors, cst) {
      let char, name;
      switch (cst.type) {
        case PlainValue.Type.FLOW_MAP:
          char = "}";
          name = "flow map";
          break;
        case PlainValue.Type.FLOW_SEQ:
          char = "]";
          name = "flow sequence";
          break;
        default:
          errors.push(new PlainValue.YAMLSemanticError(cst, "Not a flow collection!?"));
          return;
      }
      let lastItem;
      for (let i = cst.items.length - 1; i >= 0; --i) {
        const item = cst.items[i];
        if (!item || item.type !== PlainValue.Type.COMMENT) {
          lastItem = item;
          break;
        }
      }
      if (lastItem && lastItem.char !== char) {
        const msg = `Expected ${name} to end with ${char}`;
        let err;
        if (typeof lastItem.offset === "number") {
          err = new PlainValue.YAMLSemanticError(cst, msg);
          err.offset = lastItem.offset + 1;
        } else {
          err = new PlainValue.YAMLSemanticError(lastItem, msg);
          if (lastItem.range && lastItem.range.end) err.offset = lastItem.range.end - lastItem.range.start;
        }
        errors.push(err);
      }
    }
    function checkFlowCommentSpace(errors, comment) {
      const prev = comment.context.src[comment.range.start - 1];
      if (prev !== "\n" && prev !== "	" && prev !== " ") {
        const msg = "Comments must be separated from other tokens by white space characters";
        errors.push(new PlainValue.YAMLSemanticError(comment, msg));
      }
    }
    function getLongKeyError(source, key) {
      const sk = String(key);
      const k = sk.substr(0, 8) + "..." + sk.substr(-8);
      return new PlainValue.YAMLSemanticError(source, `The "${k}" key is too long`);
    }
    function resolveComments(collection, comments) {
      for (const {
        afterKey,
        before,
        comment
      } of comments) {
        let item = collection.items[before];
        if (!item) {
          if (comment !== void 0) {
            if (collection.comment) collection.comment += "\n" + comment;
            else collection.comment = comment;
          }
        } else {
          if (afterKey && item.value) item = item.value;
          if (comment === void 0) {
            if (afterKey || !item.commentBefore) item.spaceBefore = true;
          } else {
            if (item.commentBefore) item.commentBefore += "\n" + comment;
            else item.commentBefore = comment;
          }
        }
      }
    }
    function resolveString(doc, node) {
      const res = node.strValue;
      if (!res) return "";
      if (typeof res === "string") return res;
      res.errors.forEach((error) => {
        if (!error.source) error.source = node;
        doc.errors.push(error);
      });
      return res.str;
    }
    function resolveTagHandle(doc, node) {
      const {
        handle,
        suffix
      } = node.tag;
      let prefix = doc.tagPrefixes.find((p) => p.handle === handle);
      if (!prefix) {
        const dtp = doc.getDefaults().tagPrefixes;
        if (dtp) prefix = dtp.find((p) => p.handle === handle);
        if (!prefix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag handle is non-default and was not declared.`);
      }
      if (!suffix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag has no suffix.`);
      if (handle === "!" && (doc.version || doc.options.version) === "1.0") {
        if (suffix[0] === "^") {
          doc.warnings.push(new PlainValue.YAMLWarning(node, "YAML 1.0 ^ tag expansion is not supported"));
          return suffix;
        }
        if (/[:/]/.test(suffix)) {
          const vocab = suffix.match(/^([a-z0-9-]+)\/(.*)/i);
          return vocab ? `tag:${vocab[1]}.yaml.org,2002:${vocab[2]}` : `tag:${suffix}`;
        }
      }
      return prefix.prefix + decodeURIComponent(suffix);
    }
    function resolveTagName(doc, node) {
      const {
        tag,
        type
      } = node;
      let nonSpecific = false;
      if (tag) {
        const {
          handle,
          suffix,
          verbatim
        } = tag;
        if (verbatim) {
          if (verbatim !== "!" && verbatim !== "!!") return verbatim;
          const msg = `Verbatim tags aren't resolved, so ${verbatim} is invalid.`;
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        } else if (handle === "!" && !suffix) {
          nonSpecific = true;
        } else {
          try {
            return resolveTagHandle(doc, node);
          } catch (error) {
            doc.errors.push(error);
          }
        }
      }
      switch (type) {
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
        case PlainValue.Type.QUOTE_DOUBLE:
        case PlainValue.Type.QUOTE_SINGLE:
          return PlainValue.defaultTags.STR;
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        case PlainValue.Type.PLAIN:
          return nonSpecific ? PlainValue.defaultTags.STR : null;
        default:
          return null;
      }
    }
    function resolveByTagName(doc, node, tagName) {
      const {
        tags
      } = doc.schema;
      const matchWithTest = [];
      for (const tag of tags) {
        if (tag.tag === tagName) {
          if (tag.test) matchWithTest.push(tag);
          else {
            const res = tag.resolve(doc, node);
            return res instanceof Collection ? res : new Scalar(res);
          }
        }
      }
      const str2 = resolveString(doc, node);
      if (typeof str2 === "string" && matchWithTest.length > 0) return resolveScalar(str2, matchWithTest, tags.scalarFallback);
      return null;
    }
    function getFallbackTagName({
      type
    }) {
      switch (type) {
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        default:
          return PlainValue.defaultTags.STR;
      }
    }
    function resolveTag(doc, node, tagName) {
      try {
        const res = resolveByTagName(doc, node, tagName);
        if (res) {
          if (tagName && node.tag) res.tag = tagName;
          return res;
        }
      } catch (error) {
        if (error instanceof PlainValue.YAMLError) {
          if (!error.source) error.source = node;
          doc.errors.push(error);
        } else {
          const msg = error instanceof Error ? error.message : String(error);
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        }
        return null;
      }
      try {
        const fallback = getFallbackTagName(node);
        if (!fallback) throw new Error(`The tag ${tagName} is unavailable`);
        const msg = `The tag ${tagName} is unavailable, falling back to ${fallback}`;
        doc.warnings.push(new PlainValue.YAMLWarning(node, msg));
        const res = resolveByTagName(doc, node, fallback);
        res.tag = tagName;
        return res;
      } catch (error) {
        const refError = new PlainValue.YAMLReferenceError(node, error.message);
        refError.stack = error.stack;
        doc.errors.push(refError);
        return null;
      }
    }
    var isCollectionItem = (node) => {
      if (!node) return false;
      const {
        type
      } = node;
      return type === PlainValue.Type.MAP_KEY || type === PlainValue.Type.MAP_VALUE || type === PlainValue.Type.SEQ_ITEM;
    };
    function resolveNodeProps(errors, node) {
      const comments = {
        before: [],
        after: []
      };
      let hasAnchor = false;
      let hasTag = false;
      const props = isCollectionItem(node.context.parent) ? node.context.parent.props.concat(node.props) : node.props;
      for (const {
        start,
        end
      } of props) {
        switch (node.context.src[start]) {
          case PlainValue.Char.COMMENT: {
            if (!node.commentHasRequiredWhitespace(start)) {
              const msg = "Comments must be separated from other tokens by white space characters";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            const {
              header,
              valueRange
            } = node;
            const cc = valueRange && (start > valueRange.start || header && start > header.start) ? comments.after : comments.before;
            cc.push(node.context.src.slice(start + 1, end));
            break;
          }
          // Actual anchor & tag resolution is handled by schema, here we just complain
          case PlainValue.Char.ANCHOR:
            if (hasAnchor) {
              const msg = "A node can have at most one anchor";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasAnchor = true;
            break;
          case PlainValue.Char.TAG:
            if (hasTag) {
              const msg = "A node can have at most one tag";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasTag = true;
            break;
        }
      }
      return {
        comments,
        hasAnchor,
        hasTag
      };
    }
    function resolveNodeValue(doc, node) {
      const {
        anchors,
        errors,
        schema
      } = doc;
      if (node.type === PlainValue.Type.ALIAS) {
        const name = node.rawValue;
        const src = anchors.getNode(name);
        if (!src) {
          const msg = `Aliased anchor not found: ${name}`;
          errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
        const res = new Alias(src);
        anchors._cstAliases.push(res);
        return res;
      }
      const tagName = resolveTagName(doc, node);
      if (tagName) return resolveTag(doc, node, tagName);
      if (node.type !== PlainValue.Type.PLAIN) {
        const msg = `Failed to resolve ${node.type} node here`;
        errors.push(new PlainValue.YAMLSyntaxError(node, msg));
        return null;
      }
      try {
        const str2 = resolveString(doc, node);
        return resolveScalar(str2, schema.tags, schema.tags.scalarFallback);
      } catch (error) {
        if (!error.source) error.source = node;
        errors.push(error);
        return null;
      }
    }
    function resolveNode(doc, node) {
      if (!node) return null;
      if (node.error) doc.errors.push(node.error);
      const {
        comments,
        hasAnchor,
        hasTag
      } = resolveNodeProps(doc.errors, node);
      if (hasAnchor) {
        const {
          anchors
        } = doc;
        const name = node.anchor;
        const prev = anchors.getNode(name);
        if (prev) anchors.map[anchors.newName(name)] = prev;
        anchors.map[name] = node;
      }
      if (node.type === PlainValue.Type.ALIAS && (hasAnchor || hasTag)) {
        const msg = "An alias node must not specify any properties";
        doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
      }
      const res = resolveNodeValue(doc, node);
      if (res) {
        res.range = [node.range.start, node.range.end];
        if (doc.options.keepCstNodes) res.cstNode = node;
        if (doc.options.keepNodeTypes) res.type = node.type;
        const cb = comments.before.join("\n");
        if (cb) {
          res.commentBefore = res.commentBefore ? `${res.commentBefore}
${cb}` : cb;
        }
        const ca = comments.after.join("\n");
        if (ca) res.comment = res.comment ? `${res.comment}
${ca}` : ca;
      }
      return node.resolved = res;
    }
    function resolveMap(doc, cst) {
      if (cst.type !== PlainValue.Type.MAP && cst.type !== PlainValue.Type.FLOW_MAP) {
        const msg = `A ${cst.type} node cannot be resolved as a mapping`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_MAP ? resolveFlowMapItems(doc, cst) : resolveBlockMapItems(doc, cst);
      const map = new YAMLMap();
      map.items = items;
      resolveComments(map, comments);
      let hasCollectionKey = false;
      for (let i = 0; i < items.length; ++i) {
        const {
          key: iKey
        } = items[i];
        if (iKey instanceof Collection) hasCollectionKey = true;
        if (doc.schema.merge && iKey && iKey.value === MERGE_KEY) {
          items[i] = new Merge(items[i]);
          const sources = items[i].value.items;
          let error = null;
          sources.some((node) => {
            if (node instanceof Alias) {
              const {
                type
              } = node.source;
              if (type === PlainValue.Type.MAP || type === PlainValue.Type.FLOW_MAP) return false;
              return error = "Merge nodes aliases can only point to maps";
            }
            return error = "Merge nodes can only have Alias nodes as values";
          });
          if (error) doc.errors.push(new PlainValue.YAMLSemanticError(cst, error));
        } else {
          for (let j = i + 1; j < items.length; ++j) {
            const {
              key: jKey
            } = items[j];
            if (iKey === jKey || iKey && jKey && Object.prototype.hasOwnProperty.call(iKey, "value") && iKey.value === jKey.value) {
              const msg = `Map keys must be unique; "${iKey}" is repeated`;
              doc.errors.push(new PlainValue.YAMLSemanticError(cst, msg));
              break;
            }
          }
        }
      }
      if (hasCollectionKey && !doc.options.mapAsMap) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = map;
      return map;
    }
    var valueHasPairComment = ({
      context: {
        lineStart,
        node,
        src
      },
      props
    }) => {
      if (props.length === 0) return false;
      const {
        start
      } = props[0];
      if (node && start > node.valueRange.start) return false;
      if (src[start] !== PlainValue.Char.COMMENT) return false;
      for (let i = lineStart; i < start; ++i) if (src[i] === "\n") return false;
      return true;
    };
    function resolvePairComment(item, pair) {
      if (!valueHasPairComment(item)) return;
      const comment = item.getPropValue(0, PlainValue.Char.COMMENT, true);
      let found = false;
      const cb = pair.value.commentBefore;
      if (cb && cb.startsWith(comment)) {
        pair.value.commentBefore = cb.substr(comment.length + 1);
        found = true;
      } else {
        const cc = pair.value.comment;
        if (!item.node && cc && cc.startsWith(comment)) {
          pair.value.comment = cc.substr(comment.length + 1);
          found = true;
        }
      }
      if (found) pair.comment = comment;
    }
    function resolveBlockMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let keyStart = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              afterKey: !!key,
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              afterKey: !!key,
              before: items.length,
              comment: item.comment
            });
            break;
          case PlainValue.Type.MAP_KEY:
            if (key !== void 0) items.push(new Pair(key));
            if (item.error) doc.errors.push(item.error);
            key = resolveNode(doc, item.node);
            keyStart = null;
            break;
          case PlainValue.Type.MAP_VALUE:
            {
              if (key === void 0) key = null;
              if (item.error) doc.errors.push(item.error);
              if (!item.context.atLineStart && item.node && item.node.type === PlainValue.Type.MAP && !item.node.context.atLineStart) {
                const msg = "Nested mappings are not allowed in compact mappings";
                doc.errors.push(new PlainValue.YAMLSemanticError(item.node, msg));
              }
              let valueNode = item.node;
              if (!valueNode && item.props.length > 0) {
                valueNode = new PlainValue.PlainValue(PlainValue.Type.PLAIN, []);
                valueNode.context = {
                  parent: item,
                  src: item.context.src
                };
                const pos = item.range.start + 1;
                valueNode.range = {
                  start: pos,
                  end: pos
                };
                valueNode.valueRange = {
                  start: pos,
                  end: pos
                };
                if (typeof item.range.origStart === "number") {
                  const origPos = item.range.origStart + 1;
                  valueNode.range.origStart = valueNode.range.origEnd = origPos;
                  valueNode.valueRange.origStart = valueNode.valueRange.origEnd = origPos;
                }
              }
              const pair = new Pair(key, resolveNode(doc, valueNode));
              resolvePairComment(item, pair);
              items.push(pair);
              if (key && typeof keyStart === "number") {
                if (item.range.start > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
              }
              key = void 0;
              keyStart = null;
            }
            break;
          default:
            if (key !== void 0) items.push(new Pair(key));
            key = resolveNode(doc, item);
            keyStart = item.range.start;
            if (item.error) doc.errors.push(item.error);
            next: for (let j = i + 1; ; ++j) {
              const nextItem = cst.items[j];
              switch (nextItem && nextItem.type) {
                case PlainValue.Type.BLANK_LINE:
                case PlainValue.Type.COMMENT:
                  continue next;
                case PlainValue.Type.MAP_VALUE:
                  break next;
                default: {
                  const msg = "Implicit map keys need to be followed by map values";
                  doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
                  break next;
                }
              }
            }
            if (item.valueRangeContainsNewline) {
              const msg = "Implicit map keys need to be on a single line";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
        }
      }
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveFlowMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let explicitKey = false;
      let next = "{";
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char === "?" && key === void 0 && !explicitKey) {
            explicitKey = true;
            next = ":";
            continue;
          }
          if (char === ":") {
            if (key === void 0) key = null;
            if (next === ":") {
              next = ",";
              continue;
            }
          } else {
            if (explicitKey) {
              if (key === void 0 && char !== ",") key = null;
              explicitKey = false;
            }
            if (key !== void 0) {
              items.push(new Pair(key));
              key = void 0;
              if (char === ",") {
                next = ":";
                continue;
              }
            }
          }
          if (char === "}") {
            if (i === cst.items.length - 1) continue;
          } else if (char === next) {
            next = ":";
            continue;
          }
          const msg = `Flow map contains an unexpected ${char}`;
          const err = new PlainValue.YAMLSyntaxError(cst, msg);
          err.offset = offset;
          doc.errors.push(err);
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            afterKey: !!key,
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            afterKey: !!key,
            before: items.length,
            comment: item.comment
          });
        } else if (key === void 0) {
          if (next === ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Separator , missing in flow map"));
          key = resolveNode(doc, item);
        } else {
          if (next !== ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Indicator : missing in flow map entry"));
          items.push(new Pair(key, resolveNode(doc, item)));
          key = void 0;
          explicitKey = false;
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveSeq(doc, cst) {
      if (cst.type !== PlainValue.Type.SEQ && cst.type !== PlainValue.Type.FLOW_SEQ) {
        const msg = `A ${cst.type} node cannot be resolved as a sequence`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_SEQ ? resolveFlowSeqItems(doc, cst) : resolveBlockSeqItems(doc, cst);
      const seq = new YAMLSeq();
      seq.items = items;
      resolveComments(seq, comments);
      if (!doc.options.mapAsMap && items.some((it) => it instanceof Pair && it.key instanceof Collection)) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = seq;
      return seq;
    }
    function resolveBlockSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              comment: item.comment,
              before: items.length
            });
            break;
          case PlainValue.Type.SEQ_ITEM:
            if (item.error) doc.errors.push(item.error);
            items.push(resolveNode(doc, item.node));
            if (item.hasProps) {
              const msg = "Sequence items cannot have tags or anchors before the - indicator";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
            break;
          default:
            if (item.error) doc.errors.push(item.error);
            doc.errors.push(new PlainValue.YAMLSyntaxError(item, `Unexpected ${item.type} node in sequence`));
        }
      }
      return {
        comments,
        items
      };
    }
    function resolveFlowSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      let explicitKey = false;
      let key = void 0;
      let keyStart = null;
      let next = "[";
      let prevItem = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char !== ":" && (explicitKey || key !== void 0)) {
            if (explicitKey && key === void 0) key = next ? items.pop() : null;
            items.push(new Pair(key));
            explicitKey = false;
            key = void 0;
            keyStart = null;
          }
          if (char === next) {
            next = null;
          } else if (!next && char === "?") {
            explicitKey = true;
          } else if (next !== "[" && char === ":" && key === void 0) {
            if (next === ",") {
              key = items.pop();
              if (key instanceof Pair) {
                const msg = "Chaining flow sequence pairs is invalid";
                const err = new PlainValue.YAMLSemanticError(cst, msg);
                err.offset = offset;
                doc.errors.push(err);
              }
              if (!explicitKey && typeof keyStart === "number") {
                const keyEnd = item.range ? item.range.start : item.offset;
                if (keyEnd > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
                const {
                  src
                } = prevItem.context;
                for (let i2 = keyStart; i2 < keyEnd; ++i2) if (src[i2] === "\n") {
                  const msg = "Implicit keys of flow sequence pairs need to be on a single line";
                  doc.errors.push(new PlainValue.YAMLSemanticError(prevItem, msg));
                  break;
                }
              }
            } else {
              key = null;
            }
            keyStart = null;
            explicitKey = false;
            next = null;
          } else if (next === "[" || char !== "]" || i < cst.items.length - 1) {
            const msg = `Flow sequence contains an unexpected ${char}`;
            const err = new PlainValue.YAMLSyntaxError(cst, msg);
            err.offset = offset;
            doc.errors.push(err);
          }
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            comment: item.comment,
            before: items.length
          });
        } else {
          if (next) {
            const msg = `Expected a ${next} in flow sequence`;
            doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
          }
          const value = resolveNode(doc, item);
          if (key === void 0) {
            items.push(value);
            prevItem = item;
          } else {
            items.push(new Pair(key, value));
            key = void 0;
          }
          keyStart = item.range.start;
          next = ",";
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    exports.Alias = Alias;
    exports.Collection = Collection;
    exports.Merge = Merge;
    exports.Node = Node;
    exports.Pair = Pair;
    exports.Scalar = Scalar;
    exports.YAMLMap = YAMLMap;
    exports.YAMLSeq = YAMLSeq;
    exports.addComment = addComment;
    exports.binaryOptions = binaryOptions;
    exports.boolOptions = boolOptions;
    exports.findPair = findPair;
    exports.intOptions = intOptions;
    exports.isEmptyPath = isEmptyPath;
    exports.nullOptions = nullOptions;
    exports.resolveMap = resolveMap;
    exports.resolveNode = resolveNode;
    exports.resolveSeq = resolveSeq;
    exports.resolveString = resolveString;
    exports.strOptions = strOptions;
    exports.stringifyNumber = stringifyNumber;
    exports.stringifyString = stringifyString;
    exports.toJSON = toJSON;
  }
});

// node_modules/yaml/dist/warnings-793925ce.js
var require_warnings_793925ce = __commonJS({
  "node_modules/yaml/dist/warnings-793925ce.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve: (doc, node) => {
        const src = resolveSeq.resolveString(doc, node);
        if (typeof Buffer === "function") {
          return Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i) buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          const msg = "This environment does not support reading binary tags; either Buffer or atob is required";
          doc.errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
      },
      options: resolveSeq.binaryOptions,
      stringify: ({
        comment,
        type,
        value
      }, ctx, onComment, onChompKeep) => {
        let src;
        if (typeof Buffer === "function") {
          src = value instanceof Buffer ? value.toString("base64") : Buffer.from(value.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < value.length; ++i) s += String.fromCharCode(value[i]);
          src = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        if (!type) type = resolveSeq.binaryOptions.defaultType;
        if (type === PlainValue.Type.QUOTE_DOUBLE) {
          value = src;
        } else {
          const {
            lineWidth
          } = resolveSeq.binaryOptions;
          const n = Math.ceil(src.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = src.substr(o, lineWidth);
          }
          value = lines.join(type === PlainValue.Type.BLOCK_LITERAL ? "\n" : " ");
        }
        return resolveSeq.stringifyString({
          comment,
          type,
          value
        }, ctx, onComment, onChompKeep);
      }
    };
    function parsePairs(doc, cst) {
      const seq = resolveSeq.resolveSeq(doc, cst);
      for (let i = 0; i < seq.items.length; ++i) {
        let item = seq.items[i];
        if (item instanceof resolveSeq.Pair) continue;
        else if (item instanceof resolveSeq.YAMLMap) {
          if (item.items.length > 1) {
            const msg = "Each pair must have its own sequence indicator";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          }
          const pair = item.items[0] || new resolveSeq.Pair();
          if (item.commentBefore) pair.commentBefore = pair.commentBefore ? `${item.commentBefore}
${pair.commentBefore}` : item.commentBefore;
          if (item.comment) pair.comment = pair.comment ? `${item.comment}
${pair.comment}` : item.comment;
          item = pair;
        }
        seq.items[i] = item instanceof resolveSeq.Pair ? item : new resolveSeq.Pair(item);
      }
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const pairs2 = new resolveSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      for (const it of iterable) {
        let key, value;
        if (Array.isArray(it)) {
          if (it.length === 2) {
            key = it[0];
            value = it[1];
          } else throw new TypeError(`Expected [key, value] tuple: ${it}`);
        } else if (it && it instanceof Object) {
          const keys = Object.keys(it);
          if (keys.length === 1) {
            key = keys[0];
            value = it[key];
          } else throw new TypeError(`Expected { key: value } tuple: ${it}`);
        } else {
          key = it;
        }
        const pair = schema.createPair(key, value, ctx);
        pairs2.items.push(pair);
      }
      return pairs2;
    }
    var pairs = {
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: parsePairs,
      createNode: createPairs
    };
    var YAMLOMap = class _YAMLOMap extends resolveSeq.YAMLSeq {
      constructor() {
        super();
        PlainValue._defineProperty(this, "add", resolveSeq.YAMLMap.prototype.add.bind(this));
        PlainValue._defineProperty(this, "delete", resolveSeq.YAMLMap.prototype.delete.bind(this));
        PlainValue._defineProperty(this, "get", resolveSeq.YAMLMap.prototype.get.bind(this));
        PlainValue._defineProperty(this, "has", resolveSeq.YAMLMap.prototype.has.bind(this));
        PlainValue._defineProperty(this, "set", resolveSeq.YAMLMap.prototype.set.bind(this));
        this.tag = _YAMLOMap.tag;
      }
      toJSON(_, ctx) {
        const map = /* @__PURE__ */ new Map();
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (pair instanceof resolveSeq.Pair) {
            key = resolveSeq.toJSON(pair.key, "", ctx);
            value = resolveSeq.toJSON(pair.value, key, ctx);
          } else {
            key = resolveSeq.toJSON(pair, "", ctx);
          }
          if (map.has(key)) throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
    };
    PlainValue._defineProperty(YAMLOMap, "tag", "tag:yaml.org,2002:omap");
    function parseOMap(doc, cst) {
      const pairs2 = parsePairs(doc, cst);
      const seenKeys = [];
      for (const {
        key
      } of pairs2.items) {
        if (key instanceof resolveSeq.Scalar) {
          if (seenKeys.includes(key.value)) {
            const msg = "Ordered maps must not include duplicate keys";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          } else {
            seenKeys.push(key.value);
          }
        }
      }
      return Object.assign(new YAMLOMap(), pairs2);
    }
    function createOMap(schema, iterable, ctx) {
      const pairs2 = createPairs(schema, iterable, ctx);
      const omap2 = new YAMLOMap();
      omap2.items = pairs2.items;
      return omap2;
    }
    var omap = {
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve: parseOMap,
      createNode: createOMap
    };
    var YAMLSet = class _YAMLSet extends resolveSeq.YAMLMap {
      constructor() {
        super();
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        const pair = key instanceof resolveSeq.Pair ? key : new resolveSeq.Pair(key);
        const prev = resolveSeq.findPair(this.items, pair.key);
        if (!prev) this.items.push(pair);
      }
      get(key, keepPair) {
        const pair = resolveSeq.findPair(this.items, key);
        return !keepPair && pair instanceof resolveSeq.Pair ? pair.key instanceof resolveSeq.Scalar ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean") throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = resolveSeq.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new resolveSeq.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        if (this.hasAllNullValues()) return super.toString(ctx, onComment, onChompKeep);
        else throw new Error("Set items must all have null values");
      }
    };
    PlainValue._defineProperty(YAMLSet, "tag", "tag:yaml.org,2002:set");
    function parseSet(doc, cst) {
      const map = resolveSeq.resolveMap(doc, cst);
      if (!map.hasAllNullValues()) throw new PlainValue.YAMLSemanticError(cst, "Set items must all have null values");
      return Object.assign(new YAMLSet(), map);
    }
    function createSet(schema, iterable, ctx) {
      const set2 = new YAMLSet();
      for (const value of iterable) set2.items.push(schema.createPair(value, null, ctx));
      return set2;
    }
    var set = {
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      resolve: parseSet,
      createNode: createSet
    };
    var parseSexagesimal = (sign, parts) => {
      const n = parts.split(":").reduce((n2, p) => n2 * 60 + Number(p), 0);
      return sign === "-" ? -n : n;
    };
    var stringifySexagesimal = ({
      value
    }) => {
      if (isNaN(value) || !isFinite(value)) return resolveSeq.stringifyNumber(value);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value = Math.abs(value);
      }
      const parts = [value % 60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = Math.round((value - parts[0]) / 60);
        parts.unshift(value % 60);
        if (value >= 60) {
          value = Math.round((value - parts[0]) / 60);
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => n < 10 ? "0" + String(n) : String(n)).join(":").replace(/000000\d*$/, "");
    };
    var intTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+)$/,
      resolve: (str2, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/,
      resolve: (str2, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?)$"),
      resolve: (str2, year, month, day, hour, minute, second, millisec, tz) => {
        if (millisec) millisec = (millisec + "00").substr(1, 3);
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec || 0);
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz[0], tz.slice(1));
          if (Math.abs(d) < 30) d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({
        value
      }) => value.toISOString().replace(/((T00:00)?:00)?\.000Z$/, "")
    };
    function shouldWarn(deprecation) {
      const env = typeof process !== "undefined" && process.env || {};
      if (deprecation) {
        if (typeof YAML_SILENCE_DEPRECATION_WARNINGS !== "undefined") return !YAML_SILENCE_DEPRECATION_WARNINGS;
        return !env.YAML_SILENCE_DEPRECATION_WARNINGS;
      }
      if (typeof YAML_SILENCE_WARNINGS !== "undefined") return !YAML_SILENCE_WARNINGS;
      return !env.YAML_SILENCE_WARNINGS;
    }
    function warn(warning, type) {
      if (shouldWarn(false)) {
        const emit = typeof process !== "undefined" && process.emitWarning;
        if (emit) emit(warning, type);
        else {
          console.warn(type ? `${type}: ${warning}` : warning);
        }
      }
    }
    function warnFileDeprecation(filename) {
      if (shouldWarn(true)) {
        const path8 = filename.replace(/.*yaml[/\\]/i, "").replace(/\.js$/, "").replace(/\\/g, "/");
        warn(`The endpoint 'yaml/${path8}' will be removed in a future release.`, "DeprecationWarning");
      }
    }
    var warned = {};
    function warnOptionDeprecation(name, alternative) {
      if (!warned[name] && shouldWarn(true)) {
        warned[name] = true;
        let msg = `The option '${name}' will be removed in a future release`;
        msg += alternative ? `, use '${alternative}' instead.` : ".";
        warn(msg, "DeprecationWarning");
      }
    }
    exports.binary = binary;
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.omap = omap;
    exports.pairs = pairs;
    exports.set = set;
    exports.timestamp = timestamp;
    exports.warn = warn;
    exports.warnFileDeprecation = warnFileDeprecation;
    exports.warnOptionDeprecation = warnOptionDeprecation;
  }
});

// node_modules/yaml/dist/Schema-bcc6c2d7.js
var require_Schema_bcc6c2d7 = __commonJS({
  "node_modules/yaml/dist/Schema-bcc6c2d7.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var warnings = require_warnings_793925ce();
    function createMap(schema, obj2, ctx) {
      const map2 = new resolveSeq.YAMLMap(schema);
      if (obj2 instanceof Map) {
        for (const [key, value] of obj2) map2.items.push(schema.createPair(key, value, ctx));
      } else if (obj2 && typeof obj2 === "object") {
        for (const key of Object.keys(obj2)) map2.items.push(schema.createPair(key, obj2[key], ctx));
      }
      if (typeof schema.sortMapEntries === "function") {
        map2.items.sort(schema.sortMapEntries);
      }
      return map2;
    }
    var map = {
      createNode: createMap,
      default: true,
      nodeClass: resolveSeq.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve: resolveSeq.resolveMap
    };
    function createSeq(schema, obj2, ctx) {
      const seq2 = new resolveSeq.YAMLSeq(schema);
      if (obj2 && obj2[Symbol.iterator]) {
        for (const it of obj2) {
          const v = schema.createNode(it, ctx.wrapScalars, null, ctx);
          seq2.items.push(v);
        }
      }
      return seq2;
    }
    var seq = {
      createNode: createSeq,
      default: true,
      nodeClass: resolveSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve: resolveSeq.resolveSeq
    };
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({
          actualString: true
        }, ctx);
        return resolveSeq.stringifyString(item, ctx, onComment, onChompKeep);
      },
      options: resolveSeq.strOptions
    };
    var failsafe = [map, seq, string];
    var intIdentify$2 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve$1 = (src, part, radix) => resolveSeq.intOptions.asBigInt ? BigInt(src) : parseInt(part, radix);
    function intStringify$1(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify$2(value) && value >= 0) return prefix + value.toString(radix);
      return resolveSeq.stringifyNumber(node);
    }
    var nullObj = {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    };
    var boolObj = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => str2[0] === "t" || str2[0] === "T",
      options: resolveSeq.boolOptions,
      stringify: ({
        value
      }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr
    };
    var octObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o([0-7]+)$/,
      resolve: (str2, oct) => intResolve$1(str2, oct, 8),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 8, "0o")
    };
    var intObj = {
      identify: intIdentify$2,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2) => intResolve$1(str2, str2, 10),
      options: resolveSeq.intOptions,
      stringify: resolveSeq.stringifyNumber
    };
    var hexObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x([0-9a-fA-F]+)$/,
      resolve: (str2, hex) => intResolve$1(str2, hex, 16),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 16, "0x")
    };
    var nanObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str2, nan) => nan ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    };
    var expObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify: ({
        value
      }) => Number(value).toExponential()
    };
    var floatObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.([0-9]+)|[0-9]+\.([0-9]*))$/,
      resolve(str2, frac1, frac2) {
        const frac = frac1 || frac2;
        const node = new resolveSeq.Scalar(parseFloat(str2));
        if (frac && frac[frac.length - 1] === "0") node.minFractionDigits = frac.length;
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    };
    var core = failsafe.concat([nullObj, boolObj, octObj, intObj, hexObj, nanObj, expObj, floatObj]);
    var intIdentify$1 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var stringifyJSON = ({
      value
    }) => JSON.stringify(value);
    var json = [map, seq, {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify: stringifyJSON
    }, {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^null$/,
      resolve: () => null,
      stringify: stringifyJSON
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^true|false$/,
      resolve: (str2) => str2 === "true",
      stringify: stringifyJSON
    }, {
      identify: intIdentify$1,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^-?(?:0|[1-9][0-9]*)$/,
      resolve: (str2) => resolveSeq.intOptions.asBigInt ? BigInt(str2) : parseInt(str2, 10),
      stringify: ({
        value
      }) => intIdentify$1(value) ? value.toString() : JSON.stringify(value)
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
      resolve: (str2) => parseFloat(str2),
      stringify: stringifyJSON
    }];
    json.scalarFallback = (str2) => {
      throw new SyntaxError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
    };
    var boolStringify = ({
      value
    }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr;
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(sign, src, radix) {
      let str2 = src.replace(/_/g, "");
      if (resolveSeq.intOptions.asBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return resolveSeq.stringifyNumber(node);
    }
    var yaml11 = failsafe.concat([{
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => true,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/i,
      resolve: () => false,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^([-+]?)0b([0-1_]+)$/,
      resolve: (str2, sign, bin) => intResolve(sign, bin, 2),
      stringify: (node) => intStringify(node, 2, "0b")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^([-+]?)0([0-7_]+)$/,
      resolve: (str2, sign, oct) => intResolve(sign, oct, 8),
      stringify: (node) => intStringify(node, 8, "0")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^([-+]?)([0-9][0-9_]*)$/,
      resolve: (str2, sign, abs) => intResolve(sign, abs, 10),
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^([-+]?)0x([0-9a-fA-F_]+)$/,
      resolve: (str2, sign, hex) => intResolve(sign, hex, 16),
      stringify: (node) => intStringify(node, 16, "0x")
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str2, nan) => nan ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify: ({
        value
      }) => Number(value).toExponential()
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.([0-9_]*)$/,
      resolve(str2, frac) {
        const node = new resolveSeq.Scalar(parseFloat(str2.replace(/_/g, "")));
        if (frac) {
          const f = frac.replace(/_/g, "");
          if (f[f.length - 1] === "0") node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    }], warnings.binary, warnings.omap, warnings.pairs, warnings.set, warnings.intTime, warnings.floatTime, warnings.timestamp);
    var schemas = {
      core,
      failsafe,
      json,
      yaml11
    };
    var tags = {
      binary: warnings.binary,
      bool: boolObj,
      float: floatObj,
      floatExp: expObj,
      floatNaN: nanObj,
      floatTime: warnings.floatTime,
      int: intObj,
      intHex: hexObj,
      intOct: octObj,
      intTime: warnings.intTime,
      map,
      null: nullObj,
      omap: warnings.omap,
      pairs: warnings.pairs,
      seq,
      set: warnings.set,
      timestamp: warnings.timestamp
    };
    function findTagObject(value, tagName, tags2) {
      if (tagName) {
        const match = tags2.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) || match[0];
        if (!tagObj) throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags2.find((t) => (t.identify && t.identify(value) || t.class && value instanceof t.class) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (value instanceof resolveSeq.Node) return value;
      const {
        defaultPrefix,
        onTagObj,
        prevObjects,
        schema,
        wrapScalars
      } = ctx;
      if (tagName && tagName.startsWith("!!")) tagName = defaultPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (typeof value.toJSON === "function") value = value.toJSON();
        if (!value || typeof value !== "object") return wrapScalars ? new resolveSeq.Scalar(value) : value;
        tagObj = value instanceof Map ? map : value[Symbol.iterator] ? seq : map;
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const obj2 = {
        value: void 0,
        node: void 0
      };
      if (value && typeof value === "object" && prevObjects) {
        const prev = prevObjects.get(value);
        if (prev) {
          const alias = new resolveSeq.Alias(prev);
          ctx.aliasNodes.push(alias);
          return alias;
        }
        obj2.value = value;
        prevObjects.set(value, obj2);
      }
      obj2.node = tagObj.createNode ? tagObj.createNode(ctx.schema, value, ctx) : wrapScalars ? new resolveSeq.Scalar(value) : value;
      if (tagName && obj2.node instanceof resolveSeq.Node) obj2.node.tag = tagName;
      return obj2.node;
    }
    function getSchemaTags(schemas2, knownTags, customTags, schemaId) {
      let tags2 = schemas2[schemaId.replace(/\W/g, "")];
      if (!tags2) {
        const keys = Object.keys(schemas2).map((key) => JSON.stringify(key)).join(", ");
        throw new Error(`Unknown schema "${schemaId}"; use one of ${keys}`);
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags) tags2 = tags2.concat(tag);
      } else if (typeof customTags === "function") {
        tags2 = customTags(tags2.slice());
      }
      for (let i = 0; i < tags2.length; ++i) {
        const tag = tags2[i];
        if (typeof tag === "string") {
          const tagObj = knownTags[tag];
          if (!tagObj) {
            const keys = Object.keys(knownTags).map((key) => JSON.stringify(key)).join(", ");
            throw new Error(`Unknown custom tag "${tag}"; use one of ${keys}`);
          }
          tags2[i] = tagObj;
        }
      }
      return tags2;
    }
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      // TODO: remove in v2
      constructor({
        customTags,
        merge,
        schema,
        sortMapEntries,
        tags: deprecatedCustomTags
      }) {
        this.merge = !!merge;
        this.name = schema;
        this.sortMapEntries = sortMapEntries === true ? sortMapEntriesByKey : sortMapEntries || null;
        if (!customTags && deprecatedCustomTags) warnings.warnOptionDeprecation("tags", "customTags");
        this.tags = getSchemaTags(schemas, tags, customTags || deprecatedCustomTags, schema);
      }
      createNode(value, wrapScalars, tagName, ctx) {
        const baseCtx = {
          defaultPrefix: _Schema.defaultPrefix,
          schema: this,
          wrapScalars
        };
        const createCtx = ctx ? Object.assign(ctx, baseCtx) : baseCtx;
        return createNode(value, tagName, createCtx);
      }
      createPair(key, value, ctx) {
        if (!ctx) ctx = {
          wrapScalars: true
        };
        const k = this.createNode(key, ctx.wrapScalars, null, ctx);
        const v = this.createNode(value, ctx.wrapScalars, null, ctx);
        return new resolveSeq.Pair(k, v);
      }
    };
    PlainValue._defineProperty(Schema, "defaultPrefix", PlainValue.defaultTagPrefix);
    PlainValue._defineProperty(Schema, "defaultTags", PlainValue.defaultTags);
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/Document-a8d0fbf9.js
var require_Document_a8d0fbf9 = __commonJS({
  "node_modules/yaml/dist/Document-a8d0fbf9.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var Schema = require_Schema_bcc6c2d7();
    var defaultOptions = {
      anchorPrefix: "a",
      customTags: null,
      indent: 2,
      indentSeq: true,
      keepCstNodes: false,
      keepNodeTypes: true,
      keepBlobsInJSON: true,
      mapAsMap: false,
      maxAliasCount: 100,
      prettyErrors: false,
      // TODO Set true in v2
      simpleKeys: false,
      version: "1.2"
    };
    var scalarOptions = {
      get binary() {
        return resolveSeq.binaryOptions;
      },
      set binary(opt) {
        Object.assign(resolveSeq.binaryOptions, opt);
      },
      get bool() {
        return resolveSeq.boolOptions;
      },
      set bool(opt) {
        Object.assign(resolveSeq.boolOptions, opt);
      },
      get int() {
        return resolveSeq.intOptions;
      },
      set int(opt) {
        Object.assign(resolveSeq.intOptions, opt);
      },
      get null() {
        return resolveSeq.nullOptions;
      },
      set null(opt) {
        Object.assign(resolveSeq.nullOptions, opt);
      },
      get str() {
        return resolveSeq.strOptions;
      },
      set str(opt) {
        Object.assign(resolveSeq.strOptions, opt);
      }
    };
    var documentOptions = {
      "1.0": {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: PlainValue.defaultTagPrefix
        }, {
          handle: "!!",
          prefix: "tag:private.yaml.org,2002:"
        }]
      },
      1.1: {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      },
      1.2: {
        schema: "core",
        merge: false,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      }
    };
    function stringifyTag(doc, tag) {
      if ((doc.version || doc.options.version) === "1.0") {
        const priv = tag.match(/^tag:private\.yaml\.org,2002:([^:/]+)$/);
        if (priv) return "!" + priv[1];
        const vocab = tag.match(/^tag:([a-zA-Z0-9-]+)\.yaml\.org,2002:(.*)/);
        return vocab ? `!${vocab[1]}/${vocab[2]}` : `!${tag.replace(/^tag:/, "")}`;
      }
      let p = doc.tagPrefixes.find((p2) => tag.indexOf(p2.prefix) === 0);
      if (!p) {
        const dtp = doc.getDefaults().tagPrefixes;
        p = dtp && dtp.find((p2) => tag.indexOf(p2.prefix) === 0);
      }
      if (!p) return tag[0] === "!" ? tag : `!<${tag}>`;
      const suffix = tag.substr(p.prefix.length).replace(/[!,[\]{}]/g, (ch) => ({
        "!": "%21",
        ",": "%2C",
        "[": "%5B",
        "]": "%5D",
        "{": "%7B",
        "}": "%7D"
      })[ch]);
      return p.handle + suffix;
    }
    function getTagObject(tags, item) {
      if (item instanceof resolveSeq.Alias) return resolveSeq.Alias;
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0) return match.find((t) => t.format === item.format) || match[0];
      }
      let tagObj, obj2;
      if (item instanceof resolveSeq.Scalar) {
        obj2 = item.value;
        const match = tags.filter((t) => t.identify && t.identify(obj2) || t.class && obj2 instanceof t.class);
        tagObj = match.find((t) => t.format === item.format) || match.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2 && obj2.constructor ? obj2.constructor.name : typeof obj2;
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, {
      anchors,
      doc
    }) {
      const props = [];
      const anchor = doc.anchors.getName(node);
      if (anchor) {
        anchors[anchor] = node;
        props.push(`&${anchor}`);
      }
      if (node.tag) {
        props.push(stringifyTag(doc, node.tag));
      } else if (!tagObj.default) {
        props.push(stringifyTag(doc, tagObj.tag));
      }
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      const {
        anchors,
        schema
      } = ctx.doc;
      let tagObj;
      if (!(item instanceof resolveSeq.Node)) {
        const createCtx = {
          aliasNodes: [],
          onTagObj: (o) => tagObj = o,
          prevObjects: /* @__PURE__ */ new Map()
        };
        item = schema.createNode(item, true, null, createCtx);
        for (const alias of createCtx.aliasNodes) {
          alias.source = alias.source.node;
          let name = anchors.getName(alias.source);
          if (!name) {
            name = anchors.newName();
            anchors.map[name] = alias.source;
          }
        }
      }
      if (item instanceof resolveSeq.Pair) return item.toString(ctx, onComment, onChompKeep);
      if (!tagObj) tagObj = getTagObject(schema.tags, item);
      const props = stringifyProps(item, tagObj, ctx);
      if (props.length > 0) ctx.indentAtStart = (ctx.indentAtStart || 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(item, ctx, onComment, onChompKeep) : item instanceof resolveSeq.Scalar ? resolveSeq.stringifyString(item, ctx, onComment, onChompKeep) : item.toString(ctx, onComment, onChompKeep);
      if (!props) return str2;
      return item instanceof resolveSeq.Scalar || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    var Anchors = class _Anchors {
      static validAnchorNode(node) {
        return node instanceof resolveSeq.Scalar || node instanceof resolveSeq.YAMLSeq || node instanceof resolveSeq.YAMLMap;
      }
      constructor(prefix) {
        PlainValue._defineProperty(this, "map", /* @__PURE__ */ Object.create(null));
        this.prefix = prefix;
      }
      createAlias(node, name) {
        this.setAnchor(node, name);
        return new resolveSeq.Alias(node);
      }
      createMergePair(...sources) {
        const merge = new resolveSeq.Merge();
        merge.value.items = sources.map((s) => {
          if (s instanceof resolveSeq.Alias) {
            if (s.source instanceof resolveSeq.YAMLMap) return s;
          } else if (s instanceof resolveSeq.YAMLMap) {
            return this.createAlias(s);
          }
          throw new Error("Merge sources must be Map nodes or their Aliases");
        });
        return merge;
      }
      getName(node) {
        const {
          map
        } = this;
        return Object.keys(map).find((a) => map[a] === node);
      }
      getNames() {
        return Object.keys(this.map);
      }
      getNode(name) {
        return this.map[name];
      }
      newName(prefix) {
        if (!prefix) prefix = this.prefix;
        const names = Object.keys(this.map);
        for (let i = 1; true; ++i) {
          const name = `${prefix}${i}`;
          if (!names.includes(name)) return name;
        }
      }
      // During parsing, map & aliases contain CST nodes
      resolveNodes() {
        const {
          map,
          _cstAliases
        } = this;
        Object.keys(map).forEach((a) => {
          map[a] = map[a].resolved;
        });
        _cstAliases.forEach((a) => {
          a.source = a.source.resolved;
        });
        delete this._cstAliases;
      }
      setAnchor(node, name) {
        if (node != null && !_Anchors.validAnchorNode(node)) {
          throw new Error("Anchors may only be set for Scalar, Seq and Map nodes");
        }
        if (name && /[\x00-\x19\s,[\]{}]/.test(name)) {
          throw new Error("Anchor names must not contain whitespace or control characters");
        }
        const {
          map
        } = this;
        const prev = node && Object.keys(map).find((a) => map[a] === node);
        if (prev) {
          if (!name) {
            return prev;
          } else if (prev !== name) {
            delete map[prev];
            map[name] = node;
          }
        } else {
          if (!name) {
            if (!node) return null;
            name = this.newName();
          }
          map[name] = node;
        }
        return name;
      }
    };
    var visit2 = (node, tags) => {
      if (node && typeof node === "object") {
        const {
          tag
        } = node;
        if (node instanceof resolveSeq.Collection) {
          if (tag) tags[tag] = true;
          node.items.forEach((n) => visit2(n, tags));
        } else if (node instanceof resolveSeq.Pair) {
          visit2(node.key, tags);
          visit2(node.value, tags);
        } else if (node instanceof resolveSeq.Scalar) {
          if (tag) tags[tag] = true;
        }
      }
      return tags;
    };
    var listTagNames = (node) => Object.keys(visit2(node, {}));
    function parseContents(doc, contents) {
      const comments = {
        before: [],
        after: []
      };
      let body = void 0;
      let spaceBefore = false;
      for (const node of contents) {
        if (node.valueRange) {
          if (body !== void 0) {
            const msg = "Document contains trailing content not separated by a ... or --- line";
            doc.errors.push(new PlainValue.YAMLSyntaxError(node, msg));
            break;
          }
          const res = resolveSeq.resolveNode(doc, node);
          if (spaceBefore) {
            res.spaceBefore = true;
            spaceBefore = false;
          }
          body = res;
        } else if (node.comment !== null) {
          const cc = body === void 0 ? comments.before : comments.after;
          cc.push(node.comment);
        } else if (node.type === PlainValue.Type.BLANK_LINE) {
          spaceBefore = true;
          if (body === void 0 && comments.before.length > 0 && !doc.commentBefore) {
            doc.commentBefore = comments.before.join("\n");
            comments.before = [];
          }
        }
      }
      doc.contents = body || null;
      if (!body) {
        doc.comment = comments.before.concat(comments.after).join("\n") || null;
      } else {
        const cb = comments.before.join("\n");
        if (cb) {
          const cbNode = body instanceof resolveSeq.Collection && body.items[0] ? body.items[0] : body;
          cbNode.commentBefore = cbNode.commentBefore ? `${cb}
${cbNode.commentBefore}` : cb;
        }
        doc.comment = comments.after.join("\n") || null;
      }
    }
    function resolveTagDirective({
      tagPrefixes
    }, directive) {
      const [handle, prefix] = directive.parameters;
      if (!handle || !prefix) {
        const msg = "Insufficient parameters given for %TAG directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (tagPrefixes.some((p) => p.handle === handle)) {
        const msg = "The %TAG directive must only be given at most once per handle in the same document.";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      return {
        handle,
        prefix
      };
    }
    function resolveYamlDirective(doc, directive) {
      let [version] = directive.parameters;
      if (directive.name === "YAML:1.0") version = "1.0";
      if (!version) {
        const msg = "Insufficient parameters given for %YAML directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (!documentOptions[version]) {
        const v0 = doc.version || doc.options.version;
        const msg = `Document will be parsed as YAML ${v0} rather than YAML ${version}`;
        doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
      }
      return version;
    }
    function parseDirectives(doc, directives, prevDoc) {
      const directiveComments = [];
      let hasDirectives = false;
      for (const directive of directives) {
        const {
          comment,
          name
        } = directive;
        switch (name) {
          case "TAG":
            try {
              doc.tagPrefixes.push(resolveTagDirective(doc, directive));
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          case "YAML":
          case "YAML:1.0":
            if (doc.version) {
              const msg = "The %YAML directive must only be given at most once per document.";
              doc.errors.push(new PlainValue.YAMLSemanticError(directive, msg));
            }
            try {
              doc.version = resolveYamlDirective(doc, directive);
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          default:
            if (name) {
              const msg = `YAML only supports %TAG and %YAML directives, and not %${name}`;
              doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
            }
        }
        if (comment) directiveComments.push(comment);
      }
      if (prevDoc && !hasDirectives && "1.1" === (doc.version || prevDoc.version || doc.options.version)) {
        const copyTagPrefix = ({
          handle,
          prefix
        }) => ({
          handle,
          prefix
        });
        doc.tagPrefixes = prevDoc.tagPrefixes.map(copyTagPrefix);
        doc.version = prevDoc.version;
      }
      doc.commentBefore = directiveComments.join("\n") || null;
    }
    function assertCollection(contents) {
      if (contents instanceof resolveSeq.Collection) return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    var Document = class _Document {
      constructor(options) {
        this.anchors = new Anchors(options.anchorPrefix);
        this.commentBefore = null;
        this.comment = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.errors = [];
        this.options = options;
        this.schema = null;
        this.tagPrefixes = [];
        this.version = null;
        this.warnings = [];
      }
      add(value) {
        assertCollection(this.contents);
        return this.contents.add(value);
      }
      addIn(path8, value) {
        assertCollection(this.contents);
        this.contents.addIn(path8, value);
      }
      delete(key) {
        assertCollection(this.contents);
        return this.contents.delete(key);
      }
      deleteIn(path8) {
        if (resolveSeq.isEmptyPath(path8)) {
          if (this.contents == null) return false;
          this.contents = null;
          return true;
        }
        assertCollection(this.contents);
        return this.contents.deleteIn(path8);
      }
      getDefaults() {
        return _Document.defaults[this.version] || _Document.defaults[this.options.version] || {};
      }
      get(key, keepScalar) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.get(key, keepScalar) : void 0;
      }
      getIn(path8, keepScalar) {
        if (resolveSeq.isEmptyPath(path8)) return !keepScalar && this.contents instanceof resolveSeq.Scalar ? this.contents.value : this.contents;
        return this.contents instanceof resolveSeq.Collection ? this.contents.getIn(path8, keepScalar) : void 0;
      }
      has(key) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.has(key) : false;
      }
      hasIn(path8) {
        if (resolveSeq.isEmptyPath(path8)) return this.contents !== void 0;
        return this.contents instanceof resolveSeq.Collection ? this.contents.hasIn(path8) : false;
      }
      set(key, value) {
        assertCollection(this.contents);
        this.contents.set(key, value);
      }
      setIn(path8, value) {
        if (resolveSeq.isEmptyPath(path8)) this.contents = value;
        else {
          assertCollection(this.contents);
          this.contents.setIn(path8, value);
        }
      }
      setSchema(id, customTags) {
        if (!id && !customTags && this.schema) return;
        if (typeof id === "number") id = id.toFixed(1);
        if (id === "1.0" || id === "1.1" || id === "1.2") {
          if (this.version) this.version = id;
          else this.options.version = id;
          delete this.options.schema;
        } else if (id && typeof id === "string") {
          this.options.schema = id;
        }
        if (Array.isArray(customTags)) this.options.customTags = customTags;
        const opt = Object.assign({}, this.getDefaults(), this.options);
        this.schema = new Schema.Schema(opt);
      }
      parse(node, prevDoc) {
        if (this.options.keepCstNodes) this.cstNode = node;
        if (this.options.keepNodeTypes) this.type = "DOCUMENT";
        const {
          directives = [],
          contents = [],
          directivesEndMarker,
          error,
          valueRange
        } = node;
        if (error) {
          if (!error.source) error.source = this;
          this.errors.push(error);
        }
        parseDirectives(this, directives, prevDoc);
        if (directivesEndMarker) this.directivesEndMarker = true;
        this.range = valueRange ? [valueRange.start, valueRange.end] : null;
        this.setSchema();
        this.anchors._cstAliases = [];
        parseContents(this, contents);
        this.anchors.resolveNodes();
        if (this.options.prettyErrors) {
          for (const error2 of this.errors) if (error2 instanceof PlainValue.YAMLError) error2.makePretty();
          for (const warn of this.warnings) if (warn instanceof PlainValue.YAMLError) warn.makePretty();
        }
        return this;
      }
      listNonDefaultTags() {
        return listTagNames(this.contents).filter((t) => t.indexOf(Schema.Schema.defaultPrefix) !== 0);
      }
      setTagPrefix(handle, prefix) {
        if (handle[0] !== "!" || handle[handle.length - 1] !== "!") throw new Error("Handle must start and end with !");
        if (prefix) {
          const prev = this.tagPrefixes.find((p) => p.handle === handle);
          if (prev) prev.prefix = prefix;
          else this.tagPrefixes.push({
            handle,
            prefix
          });
        } else {
          this.tagPrefixes = this.tagPrefixes.filter((p) => p.handle !== handle);
        }
      }
      toJSON(arg, onAnchor) {
        const {
          keepBlobsInJSON,
          mapAsMap,
          maxAliasCount
        } = this.options;
        const keep = keepBlobsInJSON && (typeof arg !== "string" || !(this.contents instanceof resolveSeq.Scalar));
        const ctx = {
          doc: this,
          indentStep: "  ",
          keep,
          mapAsMap: keep && !!mapAsMap,
          maxAliasCount,
          stringify
          // Requiring directly in Pair would create circular dependencies
        };
        const anchorNames = Object.keys(this.anchors.map);
        if (anchorNames.length > 0) ctx.anchors = new Map(anchorNames.map((name) => [this.anchors.map[name], {
          alias: [],
          aliasCount: 0,
          count: 1
        }]));
        const res = resolveSeq.toJSON(this.contents, arg, ctx);
        if (typeof onAnchor === "function" && ctx.anchors) for (const {
          count: count2,
          res: res2
        } of ctx.anchors.values()) onAnchor(res2, count2);
        return res;
      }
      toString() {
        if (this.errors.length > 0) throw new Error("Document with errors cannot be stringified");
        const indentSize = this.options.indent;
        if (!Number.isInteger(indentSize) || indentSize <= 0) {
          const s = JSON.stringify(indentSize);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        this.setSchema();
        const lines = [];
        let hasDirectives = false;
        if (this.version) {
          let vd = "%YAML 1.2";
          if (this.schema.name === "yaml-1.1") {
            if (this.version === "1.0") vd = "%YAML:1.0";
            else if (this.version === "1.1") vd = "%YAML 1.1";
          }
          lines.push(vd);
          hasDirectives = true;
        }
        const tagNames = this.listNonDefaultTags();
        this.tagPrefixes.forEach(({
          handle,
          prefix
        }) => {
          if (tagNames.some((t) => t.indexOf(prefix) === 0)) {
            lines.push(`%TAG ${handle} ${prefix}`);
            hasDirectives = true;
          }
        });
        if (hasDirectives || this.directivesEndMarker) lines.push("---");
        if (this.commentBefore) {
          if (hasDirectives || !this.directivesEndMarker) lines.unshift("");
          lines.unshift(this.commentBefore.replace(/^/gm, "#"));
        }
        const ctx = {
          anchors: /* @__PURE__ */ Object.create(null),
          doc: this,
          indent: "",
          indentStep: " ".repeat(indentSize),
          stringify
          // Requiring directly in nodes would create circular dependencies
        };
        let chompKeep = false;
        let contentComment = null;
        if (this.contents) {
          if (this.contents instanceof resolveSeq.Node) {
            if (this.contents.spaceBefore && (hasDirectives || this.directivesEndMarker)) lines.push("");
            if (this.contents.commentBefore) lines.push(this.contents.commentBefore.replace(/^/gm, "#"));
            ctx.forceBlockIndent = !!this.comment;
            contentComment = this.contents.comment;
          }
          const onChompKeep = contentComment ? null : () => chompKeep = true;
          const body = stringify(this.contents, ctx, () => contentComment = null, onChompKeep);
          lines.push(resolveSeq.addComment(body, "", contentComment));
        } else if (this.contents !== void 0) {
          lines.push(stringify(this.contents, ctx));
        }
        if (this.comment) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "") lines.push("");
          lines.push(this.comment.replace(/^/gm, "#"));
        }
        return lines.join("\n") + "\n";
      }
    };
    PlainValue._defineProperty(Document, "defaults", documentOptions);
    exports.Document = Document;
    exports.defaultOptions = defaultOptions;
    exports.scalarOptions = scalarOptions;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var parseCst = require_parse_cst();
    var Document$1 = require_Document_a8d0fbf9();
    var Schema = require_Schema_bcc6c2d7();
    var PlainValue = require_PlainValue_516d5bc2();
    var warnings = require_warnings_793925ce();
    require_resolveSeq_95613e94();
    function createNode(value, wrapScalars = true, tag) {
      if (tag === void 0 && typeof wrapScalars === "string") {
        tag = wrapScalars;
        wrapScalars = true;
      }
      const options = Object.assign({}, Document$1.Document.defaults[Document$1.defaultOptions.version], Document$1.defaultOptions);
      const schema = new Schema.Schema(options);
      return schema.createNode(value, wrapScalars, tag);
    }
    var Document = class extends Document$1.Document {
      constructor(options) {
        super(Object.assign({}, Document$1.defaultOptions, options));
      }
    };
    function parseAllDocuments(src, options) {
      const stream = [];
      let prev;
      for (const cstDoc of parseCst.parse(src)) {
        const doc = new Document(options);
        doc.parse(cstDoc, prev);
        stream.push(doc);
        prev = doc;
      }
      return stream;
    }
    function parseDocument(src, options) {
      const cst = parseCst.parse(src);
      const doc = new Document(options).parse(cst[0]);
      if (cst.length > 1) {
        const errMsg = "Source contains multiple documents; please use YAML.parseAllDocuments()";
        doc.errors.unshift(new PlainValue.YAMLSemanticError(cst[1], errMsg));
      }
      return doc;
    }
    function parse2(src, options) {
      const doc = parseDocument(src, options);
      doc.warnings.forEach((warning) => warnings.warn(warning));
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJSON();
    }
    function stringify(value, options) {
      const doc = new Document(options);
      doc.contents = value;
      return String(doc);
    }
    var YAML = {
      createNode,
      defaultOptions: Document$1.defaultOptions,
      Document,
      parse: parse2,
      parseAllDocuments,
      parseCST: parseCst.parse,
      parseDocument,
      scalarOptions: Document$1.scalarOptions,
      stringify
    };
    exports.YAML = YAML;
  }
});

// node_modules/yaml/index.js
var require_yaml = __commonJS({
  "node_modules/yaml/index.js"(exports, module) {
    module.exports = require_dist().YAML;
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js
var require_yaml2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js"(exports, module) {
    var yaml = require_yaml();
    var errors = /* @__PURE__ */ new Set([
      "YAMLReferenceError",
      "YAMLSemanticError",
      "YAMLSyntaxError",
      "YAMLWarning"
    ]);
    function parse2(str2) {
      if (typeof str2 !== "string") {
        return { ok: false, result: void 0 };
      }
      const YAML_SILENCE_WARNINGS_CACHED = global.YAML_SILENCE_WARNINGS;
      try {
        global.YAML_SILENCE_WARNINGS = true;
        return { ok: true, result: yaml.parse(str2) };
      } catch (err) {
        if (err && errors.has(err.name)) {
          return { ok: false, result: void 0 };
        }
        throw err;
      } finally {
        global.YAML_SILENCE_WARNINGS = YAML_SILENCE_WARNINGS_CACHED;
      }
    }
    module.exports = {
      // is_valid is expected to return nothing if input is invalid otherwise
      // true/false for it being valid YAML.
      "yaml.is_valid": (str2) => typeof str2 === "string" ? parse2(str2).ok : void 0,
      "yaml.marshal": (data) => yaml.stringify(data),
      "yaml.unmarshal": (str2) => parse2(str2).result
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js
var require_builtins = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js"(exports, module) {
    var json = require_json2();
    var strings = require_strings();
    var regex = require_regex();
    var yaml = require_yaml2();
    module.exports = {
      ...json,
      ...strings,
      ...regex,
      ...yaml
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/opa.js
var require_opa = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/opa.js"(exports, module) {
    var builtIns = require_builtins();
    function stringDecoder(mem) {
      return function(addr) {
        const i8 = new Int8Array(mem.buffer);
        let s = "";
        while (i8[addr] !== 0) {
          s += String.fromCharCode(i8[addr++]);
        }
        return s;
      };
    }
    function _loadJSON(wasmInstance, memory, value) {
      if (value === void 0) {
        return 0;
      }
      let valueBuf;
      if (value instanceof ArrayBuffer) {
        valueBuf = new Uint8Array(value);
      } else {
        const valueAsText = JSON.stringify(value);
        valueBuf = new TextEncoder().encode(valueAsText);
      }
      const valueBufLen = valueBuf.byteLength;
      const rawAddr = wasmInstance.exports.opa_malloc(valueBufLen);
      const memoryBuffer = new Uint8Array(memory.buffer);
      memoryBuffer.set(valueBuf, rawAddr);
      const parsedAddr = wasmInstance.exports.opa_json_parse(rawAddr, valueBufLen);
      if (parsedAddr === 0) {
        throw "failed to parse json value";
      }
      return parsedAddr;
    }
    function _dumpJSON(wasmInstance, memory, addr) {
      const rawAddr = wasmInstance.exports.opa_json_dump(addr);
      return _dumpJSONRaw(memory, rawAddr);
    }
    function _dumpJSONRaw(memory, addr) {
      const buf = new Uint8Array(memory.buffer);
      let idx = addr;
      while (buf[idx] !== 0) {
        idx++;
      }
      const utf8View = new Uint8Array(memory.buffer, addr, idx - addr);
      const jsonAsText = new TextDecoder().decode(utf8View);
      return JSON.parse(jsonAsText);
    }
    var builtinFuncs = builtIns;
    function _builtinCall(wasmInstance, memory, builtins, customBuiltins, builtinId) {
      const builtInName = builtins[builtinId];
      const impl = builtinFuncs[builtInName] || customBuiltins[builtInName];
      if (impl === void 0) {
        throw {
          message: "not implemented: built-in function " + builtinId + ": " + builtins[builtinId]
        };
      }
      const argArray = Array.prototype.slice.apply(arguments);
      const args = [];
      for (let i = 5; i < argArray.length; i++) {
        const jsArg = _dumpJSON(wasmInstance, memory, argArray[i]);
        args.push(jsArg);
      }
      const result = impl(...args);
      return _loadJSON(wasmInstance, memory, result);
    }
    function _importObject(env, memory, customBuiltins) {
      const addr2string = stringDecoder(memory);
      return {
        env: {
          memory,
          opa_abort: function(addr) {
            throw addr2string(addr);
          },
          opa_println: function(addr) {
            console.log(addr2string(addr));
          },
          opa_builtin0: function(builtinId, _ctx) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId
            );
          },
          opa_builtin1: function(builtinId, _ctx, arg1) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1
            );
          },
          opa_builtin2: function(builtinId, _ctx, arg1, arg2) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2
            );
          },
          opa_builtin3: function(builtinId, _ctx, arg1, arg2, arg3) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3
            );
          },
          opa_builtin4: function(builtinId, _ctx, arg1, arg2, arg3, arg4) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3,
              arg4
            );
          }
        }
      };
    }
    function _preparePolicy(env, wasm, memory) {
      env.instance = wasm.instance ? wasm.instance : wasm;
      const abiVersionGlobal = env.instance.exports.opa_wasm_abi_version;
      if (abiVersionGlobal !== void 0) {
        const abiVersion = typeof abiVersionGlobal === "number" ? abiVersionGlobal : abiVersionGlobal.value;
        if (abiVersion !== 1) {
          throw `unsupported ABI version ${abiVersion}`;
        }
      } else {
        console.error("opa_wasm_abi_version undefined");
      }
      const abiMinorVersionGlobal = env.instance.exports.opa_wasm_abi_minor_version;
      let abiMinorVersion;
      if (abiMinorVersionGlobal !== void 0) {
        abiMinorVersion = typeof abiMinorVersionGlobal === "number" ? abiMinorVersionGlobal : abiMinorVersionGlobal.value;
      } else {
        console.error("opa_wasm_abi_minor_version undefined");
      }
      const builtins = _dumpJSON(
        env.instance,
        memory,
        env.instance.exports.builtins()
      );
      env.builtins = {};
      for (const key of Object.keys(builtins)) {
        env.builtins[builtins[key]] = key;
      }
      return { policy: wasm, minorVersion: abiMinorVersion };
    }
    async function _loadPolicy(policyWasm, memory, customBuiltins) {
      const env = {};
      const isStreaming = policyWasm instanceof Response || policyWasm instanceof Promise;
      const importObject = _importObject(env, memory, customBuiltins);
      const wasm = await (isStreaming ? WebAssembly.instantiateStreaming(policyWasm, importObject) : WebAssembly.instantiate(policyWasm, importObject));
      return _preparePolicy(env, wasm, memory);
    }
    function _loadPolicySync(policyWasm, memory, customBuiltins) {
      const env = {};
      if (policyWasm instanceof ArrayBuffer || policyWasm.buffer instanceof ArrayBuffer) {
        policyWasm = new WebAssembly.Module(policyWasm);
      }
      const wasm = new WebAssembly.Instance(
        policyWasm,
        _importObject(env, memory, customBuiltins)
      );
      return _preparePolicy(env, wasm, memory);
    }
    var LoadedPolicy = class {
      /**
       * Loads and initializes a compiled Rego policy.
       * @param {WebAssembly.WebAssemblyInstantiatedSource} policy
       * @param {WebAssembly.Memory} memory
       */
      constructor(policy, memory, minorVersion) {
        this.minorVersion = minorVersion;
        this.mem = memory;
        this.wasmInstance = policy.instance ? policy.instance : policy;
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, {});
        this.baseHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
        this.dataHeapPtr = this.baseHeapPtr;
        this.entrypoints = _dumpJSON(
          this.wasmInstance,
          this.mem,
          this.wasmInstance.exports.entrypoints()
        );
      }
      /**
       * Evaluates the loaded policy with the given input and
       * return the result set. This should be re-used for multiple evaluations
       * of the same policy with different inputs.
       *
       * To call a non-default entrypoint in your WASM specify it as the second
       * param. A list of entrypoints can be accessed with the `this.entrypoints`
       * property.
       * @param {any | ArrayBuffer} input input to be evaluated in form of `object`, literal primitive or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       * @param {number | string} entrypoint ID or name of the entrypoint to call (optional)
       */
      evaluate(input, entrypoint = 0) {
        if (typeof entrypoint === "number") {
        } else if (typeof entrypoint === "string") {
          if (Object.prototype.hasOwnProperty.call(this.entrypoints, entrypoint)) {
            entrypoint = this.entrypoints[entrypoint];
          } else {
            throw `entrypoint ${entrypoint} is not valid in this instance`;
          }
        } else {
          throw `entrypoint value is an invalid type, must be either string or number`;
        }
        if (this.minorVersion >= 2) {
          let inputBuf = null;
          let inputLen = 0;
          let inputAddr2 = 0;
          if (input) {
            if (input instanceof ArrayBuffer) {
              inputBuf = new Uint8Array(input);
            } else {
              const inputAsText = JSON.stringify(input);
              inputBuf = new TextEncoder().encode(inputAsText);
            }
            inputAddr2 = this.dataHeapPtr;
            inputLen = inputBuf.byteLength;
            const delta = inputAddr2 + inputLen - this.mem.buffer.byteLength;
            if (delta > 0) {
              const pages = roundup(delta);
              this.mem.grow(pages);
            }
            const buf = new Uint8Array(this.mem.buffer);
            buf.set(inputBuf, this.dataHeapPtr);
          }
          const heapPtr = this.dataHeapPtr + inputLen;
          const ret = this.wasmInstance.exports.opa_eval(
            0,
            entrypoint,
            this.dataAddr,
            inputAddr2,
            inputLen,
            heapPtr,
            0
          );
          return _dumpJSONRaw(this.mem, ret);
        }
        this.wasmInstance.exports.opa_heap_ptr_set(this.dataHeapPtr);
        const inputAddr = _loadJSON(this.wasmInstance, this.mem, input);
        const ctxAddr = this.wasmInstance.exports.opa_eval_ctx_new();
        this.wasmInstance.exports.opa_eval_ctx_set_input(ctxAddr, inputAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_data(ctxAddr, this.dataAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_entrypoint(ctxAddr, entrypoint);
        this.wasmInstance.exports.eval(ctxAddr);
        const resultAddr = this.wasmInstance.exports.opa_eval_ctx_get_result(
          ctxAddr
        );
        return _dumpJSON(this.wasmInstance, this.mem, resultAddr);
      }
      /**
       * evalBool will evaluate the policy and return a boolean answer
       * depending on the return code from the policy evaluation.
       * @deprecated Use `evaluate` instead.
       * @param {object} input
       */
      evalBool(input) {
        const rs = this.evaluate(input);
        return rs && rs.length === 1 && rs[0] === true;
      }
      /**
       * Loads data for use in subsequent evaluations.
       * @param {object | ArrayBuffer} data  data in form of `object` or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       */
      setData(data) {
        this.wasmInstance.exports.opa_heap_ptr_set(this.baseHeapPtr);
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, data);
        this.dataHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
      }
    };
    function roundup(bytes) {
      const pageSize = 64 * 1024;
      return Math.ceil(bytes / pageSize);
    }
    module.exports = {
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a Promise of a LoadedPolicy object which
       * can be used to evaluate the policy.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module | Response | Promise<Response>} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {Promise<LoadedPolicy>}
       */
      async loadPolicy(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = await _loadPolicy(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a LoadedPolicy object which can be
       * used to evaluate the policy.
       *
       * This cannot be used from the main thread in a browser.
       * You must use the `loadPolicy` function instead, or call
       * from a worker thread.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {LoadedPolicy}
       */
      loadPolicySync(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = _loadPolicySync(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      LoadedPolicy
    };
  }
});

// src/cli/main.ts
import { parseArgs as parseArgs3 } from "node:util";

// src/engine/scan.ts
import { existsSync, readFileSync } from "node:fs";
import path5 from "node:path";
import { fileURLToPath } from "node:url";

// src/discover/discover.ts
import { promises as fs2 } from "node:fs";
import path from "node:path";
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".terraform", ".git", "node_modules"]);
function kindOf(name) {
  const n = name.toLowerCase();
  if (n.endsWith(".pkrvars.hcl") || n.endsWith(".pkrvars.json")) return "packer-vars";
  if (n.endsWith(".pkr.hcl")) return "packer";
  if (n.endsWith(".pkr.json")) return "packer-json";
  if (n.endsWith(".tf.json")) return "terraform-json";
  if (n.endsWith(".tf")) return "terraform";
  if (n.endsWith(".tfvars") || n.endsWith(".tfvars.json")) return "terraform-vars";
  return void 0;
}
function relPosix(root, abs) {
  return path.relative(root, abs).split(path.sep).join("/");
}
function isInside(root, abs) {
  const rel = path.relative(root, abs);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
async function discover(root, inputs) {
  const realRoot = await fs2.realpath(root);
  const files = /* @__PURE__ */ new Map();
  const skipped = [];
  const seenDirs = /* @__PURE__ */ new Set();
  const visit2 = async (abs, explicit) => {
    const rel = relPosix(root, abs);
    let lst;
    try {
      lst = await fs2.lstat(abs);
    } catch (e) {
      if (explicit) skipped.push({ path: rel, reason: `cannot read: ${e.code ?? String(e)}` });
      return;
    }
    let target = abs;
    let st = lst;
    if (lst.isSymbolicLink()) {
      try {
        target = await fs2.realpath(abs);
        st = await fs2.stat(target);
      } catch {
        if (explicit || kindOf(path.basename(abs))) skipped.push({ path: rel, reason: "broken symbolic link" });
        return;
      }
      if (!isInside(realRoot, target)) {
        if (explicit || st.isDirectory() || kindOf(path.basename(abs))) {
          skipped.push({ path: rel, reason: "symbolic link points outside the workspace" });
        }
        return;
      }
    }
    if (st.isDirectory()) {
      const real = await fs2.realpath(target);
      if (seenDirs.has(real)) {
        if (lst.isSymbolicLink()) skipped.push({ path: rel, reason: "symbolic link loop or folder already scanned" });
        return;
      }
      seenDirs.add(real);
      let entries;
      try {
        entries = (await fs2.readdir(abs)).sort();
      } catch (e) {
        skipped.push({ path: rel || ".", reason: `cannot list folder: ${e.code ?? String(e)}` });
        return;
      }
      for (const name of entries) {
        if (SKIPPED_DIRS.has(name)) continue;
        await visit2(path.join(abs, name), false);
      }
      return;
    }
    const kind = kindOf(path.basename(abs));
    if (!st.isFile()) {
      if (kind || explicit) skipped.push({ path: rel, reason: "not a regular file" });
      return;
    }
    if (!kind) {
      if (explicit) skipped.push({ path: rel, reason: "not a Terraform or Packer file" });
      return;
    }
    if (!files.has(rel)) files.set(rel, { path: rel, absPath: abs, kind });
  };
  for (const input of inputs.length ? inputs : ["."]) {
    const abs = path.resolve(root, input);
    if (!isInside(root, abs) && !isInside(realRoot, abs)) {
      skipped.push({ path: input, reason: "path is outside the workspace" });
      continue;
    }
    await visit2(abs, true);
  }
  return {
    files: [...files.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    skipped
  };
}

// src/parse/parse.ts
import { promises as fs3 } from "node:fs";
import { createHash } from "node:crypto";

// src/parse/hcl-locator.ts
var SEP = "";
function pathKey(p) {
  return p.join(SEP);
}
var isIdentStart = (c) => /[A-Za-z_]/.test(c);
var isIdentPart = (c) => /[A-Za-z0-9_-]/.test(c);
function tokenize(src, onComment) {
  const toks = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const skipTemplateExpr = (start) => {
    let depth = 1;
    let j = start;
    while (j < n && depth > 0) {
      const c = src[j];
      if (c === "\n") line++;
      if (c === '"') {
        j = skipQuoted(j + 1);
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") depth--;
      j++;
    }
    return j;
  };
  const skipQuoted = (start) => {
    let j = start;
    while (j < n) {
      const c = src[j];
      if (c === "\\") {
        j += 2;
        continue;
      }
      if (c === '"') return j + 1;
      if (c === "\n") return j;
      if ((c === "$" || c === "%") && src[j + 1] === "{") {
        if (src[j - 1] === c && src[j - 2] !== c) {
          j += 2;
          continue;
        }
        j = skipTemplateExpr(j + 2);
        continue;
      }
      j++;
    }
    return j;
  };
  while (i < n) {
    const c = src[i];
    if (c === "\n") {
      toks.push({ kind: "nl", text: "\n", line, endLine: line });
      line++;
      i++;
      continue;
    }
    if (c === " " || c === "	" || c === "\r" || c === "\uFEFF") {
      i++;
      continue;
    }
    if (c === "#" || c === "/" && src[i + 1] === "/") {
      const start = i;
      while (i < n && src[i] !== "\n") i++;
      if (onComment) {
        const last = toks[toks.length - 1];
        onComment({ text: src.slice(start, i).replace(/^(#|\/\/)/, ""), line, trailing: !!last && last.kind !== "nl" && last.line === line });
      }
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      if (onComment) {
        const end = src.indexOf("*/", i + 2);
        const last = toks[toks.length - 1];
        onComment({ text: src.slice(i + 2, end < 0 ? n : end), line, trailing: !!last && last.kind !== "nl" && last.line === line });
      }
      i += 2;
      while (i < n && !(src[i] === "*" && src[i + 1] === "/")) {
        if (src[i] === "\n") line++;
        i++;
      }
      i += 2;
      continue;
    }
    if (c === '"') {
      const startLine = line;
      const end = skipQuoted(i + 1);
      toks.push({ kind: "string", text: src.slice(i, end), line: startLine, endLine: line });
      i = end;
      continue;
    }
    if (c === "<" && src[i + 1] === "<") {
      const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(i, i + 200));
      if (m) {
        const startLine = line;
        const marker = m[2];
        i += m[0].length;
        line++;
        for (; ; ) {
          if (i >= n) break;
          let eol = src.indexOf("\n", i);
          if (eol < 0) eol = n;
          const content = src.slice(i, eol).trim();
          if (content === marker) {
            i = eol;
            break;
          }
          i = eol + 1;
          line++;
        }
        toks.push({ kind: "heredoc", text: "", line: startLine, endLine: line });
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(src[j])) j++;
      toks.push({ kind: "ident", text: src.slice(i, j), line, endLine: line });
      i = j;
      continue;
    }
    if ("{}[]()".includes(c)) {
      toks.push({ kind: c, text: c, line, endLine: line });
      i++;
      continue;
    }
    if (c === "=" && src[i + 1] !== "=" && src[i - 1] !== "=" && src[i - 1] !== "!" && src[i - 1] !== "<" && src[i - 1] !== ">") {
      toks.push({ kind: "=", text: "=", line, endLine: line });
      i++;
      continue;
    }
    toks.push({ kind: "other", text: c, line, endLine: line });
    i++;
  }
  return toks;
}
function unquote(text) {
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    try {
      return JSON.parse(text);
    } catch {
      return text.slice(1, -1);
    }
  }
  return text;
}
var LocationIndex = class {
  map = /* @__PURE__ */ new Map();
  set(p, r) {
    const k = pathKey(p);
    if (!this.map.has(k)) this.map.set(k, r);
  }
  get(p) {
    return this.map.get(pathKey(p));
  }
  get size() {
    return this.map.size;
  }
  keys() {
    return this.map.keys();
  }
  ranges() {
    return this.map.values();
  }
  /**
   * The range of `p`, or of its closest existing ancestor when `p` itself is absent (a missing
   * attribute is reported on its block's line).
   */
  resolve(p) {
    const actual = [];
    let best;
    let matched = 0;
    for (let i = 0; i < p.length; i++) {
      const seg = p[i];
      const hit = this.get([...actual, seg]);
      if (hit) {
        actual.push(seg);
        best = hit;
        matched = i + 1;
      } else if (seg === 0 && best) {
        matched = i + 1;
      } else break;
    }
    return best ? { range: best, exact: matched === p.length } : void 0;
  }
};
function locateHcl(src) {
  const toks = tokenize(src);
  const index = new LocationIndex();
  let pos = 0;
  const peek = () => toks[pos];
  const skipExpression = () => {
    let depth = 0;
    let last = peek()?.line ?? 1;
    while (pos < toks.length) {
      const t = toks[pos];
      if (depth === 0 && (t.kind === "nl" || t.kind === "}")) break;
      if (t.kind === "{" || t.kind === "[" || t.kind === "(") depth++;
      else if (t.kind === "}" || t.kind === "]" || t.kind === ")") depth--;
      last = t.endLine;
      pos++;
    }
    return last;
  };
  const parseBody = (prefix, topLevel) => {
    const counts = /* @__PURE__ */ new Map();
    let lastLine = peek()?.line ?? 1;
    while (pos < toks.length) {
      const t = toks[pos];
      if (t.kind === "nl") {
        pos++;
        continue;
      }
      if (t.kind === "}") {
        if (!topLevel) {
          pos++;
          return t.line;
        }
        pos++;
        continue;
      }
      if (t.kind !== "ident") {
        lastLine = skipExpression();
        if (peek()?.kind === "}" && topLevel) pos++;
        continue;
      }
      const name = t.text;
      const next = toks[pos + 1];
      if (next?.kind === "=") {
        pos += 2;
        const end2 = skipExpression();
        index.set([...prefix, name], { startLine: t.line, endLine: Math.max(end2, t.line) });
        lastLine = end2;
        continue;
      }
      const labels = [];
      let j = pos + 1;
      while (j < toks.length && (toks[j].kind === "string" || toks[j].kind === "ident")) {
        labels.push(unquote(toks[j].text));
        j++;
      }
      if (toks[j]?.kind !== "{") {
        pos++;
        lastLine = skipExpression();
        continue;
      }
      const groupKey = [name, ...labels].join(SEP);
      const idx = counts.get(groupKey) ?? 0;
      counts.set(groupKey, idx + 1);
      const blockPath = [...prefix, name, ...labels, idx];
      pos = j + 1;
      const end = parseBody(blockPath, false);
      const r = { startLine: t.line, endLine: Math.max(end, t.line) };
      for (let len = prefix.length + 1; len <= blockPath.length; len++) index.set(blockPath.slice(0, len), r);
      lastLine = end;
    }
    return lastLine;
  };
  parseBody([], true);
  return index;
}

// src/parse/hcl2json-adapter.ts
var HclSyntaxError = class extends Error {
  constructor(message, range) {
    super(message);
    this.range = range;
    this.name = "HclSyntaxError";
  }
  range;
};
var parser;
function loadParser() {
  parser ??= Promise.resolve().then(() => __toESM(require_lib2(), 1)).then((m) => {
    const mod = m;
    const fn = mod.parse ?? mod.default?.parse;
    if (!fn) throw new Error("@cdktf/hcl2json has no parse function");
    return fn;
  });
  return parser;
}
var DIAG = /(?:^|\s|\[)f:(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]*?);\s?(.*?)(?=\s+f:\d+,\d+-|\]?$)/gs;
function parseDiagnostics(text) {
  const out = [];
  for (const m of text.matchAll(DIAG)) {
    const startLine = Number(m[1]);
    const startColumn = Number(m[2]);
    const endLine = m[3] ? Number(m[3]) : startLine;
    const endColumn = Number(m[4]);
    out.push({
      range: { startLine, endLine, startColumn, endColumn },
      summary: m[5].trim(),
      detail: m[6].replace(/\]$/, "").trim()
    });
  }
  return out;
}
async function parseHcl(contents) {
  const parse2 = await loadParser();
  try {
    return await parse2("f", contents);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const diags = parseDiagnostics(text);
    const first = diags[0];
    if (!first) throw new HclSyntaxError(text.replace(/^parse config:\s*/, ""), { startLine: 1, endLine: 1 });
    const more = diags.length > 1 ? ` (+${diags.length - 1} more)` : "";
    throw new HclSyntaxError(`${first.summary}: ${first.detail}${more}`, first.range);
  }
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count2, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count2 || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count2) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/parse/json-syntax.ts
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function nodeValue(node) {
  switch (node.type) {
    case "object": {
      const o = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return o;
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
function parseJsonWithLocations(text) {
  const errors = [];
  const root = parseTree2(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  if (errors.length || !root) {
    const e = errors[0];
    const line = e ? lineOf(starts, e.offset) : 1;
    const col = e ? e.offset - starts[line - 1] + 1 : 1;
    const what = e ? printParseErrorCode(e.error) : "EmptyDocument";
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : "";
    throw new HclSyntaxError(`Invalid JSON: ${what}${more}`, { startLine: line, endLine: line, startColumn: col, endColumn: col + 1 });
  }
  const locations = new LocationIndex();
  const range = (n) => ({ startLine: lineOf(starts, n.offset), endLine: lineOf(starts, n.offset + n.length) });
  const walk = (n, p) => {
    if (n.type === "object") {
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const child = [...p, String(k.value)];
        locations.set(child, { startLine: range(prop).startLine, endLine: range(v).endLine });
        walk(v, child);
      }
    } else if (n.type === "array") {
      (n.children ?? []).forEach((c, i) => {
        const child = [...p, i];
        locations.set(child, range(c));
        walk(c, child);
      });
    }
  };
  walk(root, []);
  return { value: nodeValue(root), locations };
}

// src/parse/parse.ts
var DEFAULT_PARSE_OPTIONS = { maxFileBytes: 4 * 1024 * 1024 };
var utf8 = new TextDecoder("utf-8", { fatal: true });
function isJsonSyntax(file) {
  return file.kind === "terraform-json" || file.kind === "packer-json" || file.path.toLowerCase().endsWith(".json");
}
function whole() {
  return { startLine: 1, endLine: 1 };
}
async function parseFile(file, opts = DEFAULT_PARSE_OPTIONS) {
  const fail = (message, range = whole()) => ({ path: file.path, kind: file.kind, message, range });
  let bytes;
  try {
    const st = await fs3.stat(file.absPath);
    if (st.size > opts.maxFileBytes) {
      return fail(`file is ${st.size} bytes, over the ${opts.maxFileBytes}-byte limit; not parsed`);
    }
    bytes = await fs3.readFile(file.absPath);
  } catch (e) {
    return fail(`cannot read file: ${e.code ?? String(e)}`);
  }
  const sha2563 = createHash("sha256").update(bytes).digest("hex");
  const failRead = (message, range = whole()) => ({ ...fail(message, range), sha256: sha2563 });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString("latin1").split("\n").length;
    return failRead("binary content (NUL byte); not parsed", { startLine: line, endLine: line });
  }
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return failRead("file is not valid UTF-8; not parsed");
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  try {
    if (isJsonSyntax(file)) {
      const { value, locations } = parseJsonWithLocations(text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return failRead("the top level of a JSON configuration file must be an object");
      }
      return { file, sha256: sha2563, body: value, locations, text };
    }
    const body = await parseHcl(text);
    return { file, sha256: sha2563, body, locations: locateHcl(text), text };
  } catch (e) {
    if (e instanceof HclSyntaxError) return failRead(`syntax error: ${e.message}`, e.range);
    return failRead(`parser failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
function isFileError(x) {
  return "message" in x && !("body" in x);
}

// src/normalize/normalize.ts
import path3 from "node:path";

// src/resolve/ast.ts
var ParseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ParseError";
  }
};

// src/resolve/values.ts
var EvalError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EvalError";
  }
};
function unknown(text) {
  return { __unknown__: text };
}
function isUnknown(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.__unknown__ === "string";
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isUnknown(v);
}
function hasUnknown(v) {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (typeof v === "object" && v !== null) return Object.values(v).some(hasUnknown);
  return false;
}
function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (isUnknown(v)) return "unknown";
  return typeof v === "object" ? "object" : typeof v;
}
function toStr(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  throw new EvalError(`a ${typeName(v)} cannot be used as a string`);
}
function toNum(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(v.trim())) return Number(v);
  throw new EvalError(`a ${typeName(v)} cannot be used as a number`);
}
function toBool(v) {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new EvalError(`a ${typeName(v)} cannot be used as a bool`);
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}
function distinct(list2) {
  const out = [];
  for (const x of list2) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}

// src/resolve/functions.ts
var list = (v, what = "argument") => {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${what} must be a list, not a ${typeName(v)}`);
};
var obj = (v) => {
  if (isObject(v)) return v;
  throw new EvalError(`argument must be a map or object, not a ${typeName(v)}`);
};
var str = toStr;
var int = (v) => {
  const n = toNum(v);
  if (!Number.isInteger(n)) throw new EvalError(`${n} is not a whole number`);
  return n;
};
function parseCidr(s) {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new EvalError(`unsupported CIDR "${s}" (IPv4 only)`);
  const oct = m.slice(1, 5).map(Number);
  if (oct.some((o) => o > 255) || Number(m[5]) > 32) throw new EvalError(`invalid CIDR "${s}"`);
  const addr = (oct[0] << 24 | oct[1] << 16 | oct[2] << 8 | oct[3]) >>> 0;
  const bits = Number(m[5]);
  const mask = bits === 0 ? 0 : 4294967295 << 32 - bits >>> 0;
  return { addr: (addr & mask) >>> 0, bits };
}
var ipText = (a) => [a >>> 24, a >>> 16 & 255, a >>> 8 & 255, a & 255].join(".");
function cidrsubnet(prefix, newbits, netnum) {
  const { addr, bits } = parseCidr(prefix);
  const nb = bits + newbits;
  if (nb > 32 || newbits < 0) throw new EvalError("not enough address space for cidrsubnet");
  if (netnum < 0 || netnum >= 2 ** newbits) throw new EvalError(`netnum ${netnum} does not fit in ${newbits} bits`);
  const sub = addr + netnum * 2 ** (32 - nb) >>> 0;
  return `${ipText(sub)}/${nb}`;
}
function cidrhost(prefix, hostnum) {
  const { addr, bits } = parseCidr(prefix);
  const size = 2 ** (32 - bits);
  const h = hostnum < 0 ? size + hostnum : hostnum;
  if (h < 0 || h >= size) throw new EvalError(`host number ${hostnum} does not fit in ${prefix}`);
  return ipText(addr + h >>> 0);
}
function format2(spec, args) {
  let i = 0;
  return spec.replace(/%([-+ #0]*)(\d*)(?:\.(\d+))?([sdfqvtbxXoeE%])/g, (_m, flags, width, prec, verb) => {
    if (verb === "%") return "%";
    if (i >= args.length) throw new EvalError("not enough arguments for format");
    const a = args[i++];
    let out;
    switch (verb) {
      case "d":
        out = String(int(a));
        break;
      case "f":
        out = toNum(a).toFixed(prec ? Number(prec) : 6);
        break;
      case "q":
        out = JSON.stringify(str(a));
        break;
      case "t":
        out = String(toBool(a));
        break;
      case "x":
        out = int(a).toString(16);
        break;
      case "X":
        out = int(a).toString(16).toUpperCase();
        break;
      case "o":
        out = int(a).toString(8);
        break;
      case "b":
        out = int(a).toString(2);
        break;
      case "v":
        out = typeof a === "object" && a !== null ? JSON.stringify(a) : str(a);
        break;
      default:
        out = str(a);
    }
    if (!width) return out;
    if (flags.includes("-")) return out.padEnd(Number(width));
    return flags.includes("0") && /^-?[0-9]/.test(out) ? out.padStart(Number(width), "0") : out.padStart(Number(width));
  });
}
function flatten(v) {
  return v.flatMap((x) => Array.isArray(x) ? flatten(x) : [x]);
}
function jsonText(v) {
  if (Array.isArray(v)) return `[${v.map(jsonText).join(",")}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jsonText(v[k])}`).join(",")}}`;
  return JSON.stringify(v);
}
var FUNCTIONS = {
  // strings
  lower: { fn: ([s]) => str(s).toLowerCase(), min: 1, max: 1 },
  upper: { fn: ([s]) => str(s).toUpperCase(), min: 1, max: 1 },
  title: { fn: ([s]) => str(s).replace(/\b\w/g, (c) => c.toUpperCase()), min: 1, max: 1 },
  trimspace: { fn: ([s]) => str(s).trim(), min: 1, max: 1 },
  trim: { fn: ([s, c]) => {
    const set = str(c);
    let x = str(s);
    while (x && set.includes(x[0])) x = x.slice(1);
    while (x && set.includes(x[x.length - 1])) x = x.slice(0, -1);
    return x;
  }, min: 2, max: 2 },
  trimprefix: { fn: ([s, p]) => str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s), min: 2, max: 2 },
  trimsuffix: { fn: ([s, p]) => str(p) && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s), min: 2, max: 2 },
  chomp: { fn: ([s]) => str(s).replace(/(\r?\n)+$/, ""), min: 1, max: 1 },
  startswith: { fn: ([s, p]) => str(s).startsWith(str(p)), min: 2, max: 2 },
  endswith: { fn: ([s, p]) => str(s).endsWith(str(p)), min: 2, max: 2 },
  strcontains: { fn: ([s, p]) => str(s).includes(str(p)), min: 2, max: 2 },
  strrev: { fn: ([s]) => [...str(s)].reverse().join(""), min: 1, max: 1 },
  substr: { fn: ([s, o, l]) => {
    const chars = [...str(s)];
    let off = int(o);
    if (off < 0) off += chars.length;
    const len = int(l);
    return chars.slice(off, len < 0 ? void 0 : off + len).join("");
  }, min: 3, max: 3 },
  replace: {
    fn: ([s, f, r]) => {
      const find = str(f);
      if (find.length > 1 && find.startsWith("/") && find.endsWith("/")) throw new EvalError("regular-expression replace is not supported");
      return str(s).split(find).join(str(r));
    },
    min: 3,
    max: 3
  },
  split: { fn: ([sep, s]) => str(s) === "" ? [] : str(s).split(str(sep)), min: 2, max: 2 },
  join: { fn: ([sep, ...ls]) => ls.flatMap((l) => list(l)).map((x) => str(x)).join(str(sep)), min: 2 },
  format: { fn: ([f, ...rest]) => format2(str(f), rest), min: 1 },
  formatlist: {
    fn: ([f, ...rest]) => {
      const n = Math.max(0, ...rest.map((r) => Array.isArray(r) ? r.length : 0));
      return Array.from({ length: n }, (_, i) => format2(str(f), rest.map((r) => Array.isArray(r) ? r[i] : r)));
    },
    min: 1
  },
  indent: { fn: ([n, s]) => str(s).split("\n").map((l, i) => i === 0 ? l : " ".repeat(int(n)) + l).join("\n"), min: 2, max: 2 },
  // numbers
  abs: { fn: ([x]) => Math.abs(toNum(x)), min: 1, max: 1 },
  ceil: { fn: ([x]) => Math.ceil(toNum(x)), min: 1, max: 1 },
  floor: { fn: ([x]) => Math.floor(toNum(x)), min: 1, max: 1 },
  max: { fn: (a) => Math.max(...a.map(toNum)), min: 1 },
  min: { fn: (a) => Math.min(...a.map(toNum)), min: 1 },
  pow: { fn: ([a, b]) => toNum(a) ** toNum(b), min: 2, max: 2 },
  signum: { fn: ([x]) => Math.sign(toNum(x)), min: 1, max: 1 },
  parseint: { fn: ([s, b]) => {
    const n = parseInt(str(s), int(b));
    if (Number.isNaN(n)) throw new EvalError("not a number");
    return n;
  }, min: 2, max: 2 },
  // collections
  length: {
    fn: ([v]) => {
      if (typeof v === "string") return [...v].length;
      if (Array.isArray(v)) return v.length;
      return Object.keys(obj(v)).length;
    },
    partial: true,
    min: 1,
    max: 1
  },
  concat: { fn: (ls) => ls.flatMap((l) => list(l)), partial: true },
  merge: {
    fn: (ms) => {
      const out = {};
      for (const m of ms) if (m !== null) Object.assign(out, obj(m));
      return out;
    },
    partial: true
  },
  tolist: { fn: ([v]) => list(v), partial: true, min: 1, max: 1 },
  toset: { fn: ([v]) => distinct(list(v)), min: 1, max: 1 },
  tomap: { fn: ([v]) => obj(v), partial: true, min: 1, max: 1 },
  tostring: { fn: ([v]) => v === null ? null : str(v), min: 1, max: 1 },
  tonumber: { fn: ([v]) => v === null ? null : toNum(v), min: 1, max: 1 },
  tobool: { fn: ([v]) => v === null ? null : toBool(v), min: 1, max: 1 },
  lookup: {
    fn: ([m, k, d]) => {
      const o = obj(m);
      const key = str(k);
      if (key in o) return o[key];
      if (d !== void 0) return d;
      throw new EvalError(`no key "${key}"`);
    },
    partial: true,
    min: 2,
    max: 3
  },
  element: { fn: ([l, i]) => {
    const a = list(l);
    if (!a.length) throw new EvalError("element of an empty list");
    return a[(int(i) % a.length + a.length) % a.length];
  }, partial: true, min: 2, max: 2 },
  index: { fn: ([l, v]) => {
    const i = list(l).findIndex((x) => deepEqual(x, v));
    if (i < 0) throw new EvalError("value not in list");
    return i;
  }, min: 2, max: 2 },
  contains: { fn: ([l, v]) => list(l).some((x) => deepEqual(x, v)), min: 2, max: 2 },
  keys: { fn: ([m]) => Object.keys(obj(m)).sort(), partial: true, min: 1, max: 1 },
  values: { fn: ([m]) => {
    const o = obj(m);
    return Object.keys(o).sort().map((k) => o[k]);
  }, partial: true, min: 1, max: 1 },
  flatten: { fn: ([l]) => flatten(list(l)), partial: true, min: 1, max: 1 },
  distinct: { fn: ([l]) => distinct(list(l)), min: 1, max: 1 },
  compact: { fn: ([l]) => list(l).filter((x) => x !== null && x !== ""), min: 1, max: 1 },
  reverse: { fn: ([l]) => [...list(l)].reverse(), partial: true, min: 1, max: 1 },
  sort: { fn: ([l]) => list(l).map((x) => str(x)).sort(), min: 1, max: 1 },
  slice: { fn: ([l, a, b]) => list(l).slice(int(a), int(b)), partial: true, min: 3, max: 3 },
  range: {
    fn: (a) => {
      const n = a.map(toNum);
      const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
      if (step === 0) throw new EvalError("range step of zero");
      const out = [];
      for (let x = start; step > 0 ? x < end : x > end; x += step) {
        out.push(x);
        if (out.length > 1024) throw new EvalError("range too long");
      }
      return out;
    },
    min: 1,
    max: 3
  },
  zipmap: { fn: ([k, v]) => {
    const ks = list(k);
    const vs = list(v);
    const o = {};
    ks.forEach((x, i) => o[str(x)] = vs[i] ?? null);
    return o;
  }, partial: true, min: 2, max: 2 },
  setunion: { fn: (ls) => distinct(ls.flatMap((l) => list(l))) },
  setintersection: { fn: ([first, ...rest]) => distinct(list(first)).filter((x) => rest.every((r) => list(r).some((y) => deepEqual(x, y)))), min: 1 },
  setsubtract: { fn: ([a, b]) => distinct(list(a)).filter((x) => !list(b).some((y) => deepEqual(x, y))), min: 2, max: 2 },
  coalescelist: { fn: (ls) => ls.map((l) => list(l)).find((l) => l.length > 0) ?? [], partial: true },
  chunklist: { fn: ([l, n]) => {
    const a = list(l);
    const size = int(n);
    if (size <= 0) return [a];
    const out = [];
    for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
    return out;
  }, partial: true, min: 2, max: 2 },
  one: { fn: ([l]) => {
    const a = list(l);
    if (a.length > 1) throw new EvalError("one() of a list with more than one element");
    return a[0] ?? null;
  }, partial: true, min: 1, max: 1 },
  sum: { fn: ([l]) => list(l).reduce((s, x) => s + toNum(x), 0), min: 1, max: 1 },
  alltrue: { fn: ([l]) => list(l).every((x) => toBool(x)), min: 1, max: 1 },
  anytrue: { fn: ([l]) => list(l).some((x) => toBool(x)), min: 1, max: 1 },
  transpose: {
    fn: ([m]) => {
      const out = {};
      const o = obj(m);
      for (const k of Object.keys(o).sort()) for (const v of list(o[k])) (out[str(v)] ??= []).push(k);
      return out;
    },
    min: 1,
    max: 1
  },
  // encoding
  jsonencode: { fn: ([v]) => jsonText(v), min: 1, max: 1 },
  jsondecode: { fn: ([s]) => {
    try {
      return JSON.parse(str(s));
    } catch {
      throw new EvalError("invalid JSON");
    }
  }, min: 1, max: 1 },
  base64encode: { fn: ([s]) => Buffer.from(str(s), "utf8").toString("base64"), min: 1, max: 1 },
  base64decode: { fn: ([s]) => Buffer.from(str(s), "base64").toString("utf8"), min: 1, max: 1 },
  urlencode: { fn: ([s]) => encodeURIComponent(str(s)), min: 1, max: 1 },
  // network
  cidrsubnet: { fn: ([p, b, n]) => cidrsubnet(str(p), int(b), int(n)), min: 3, max: 3 },
  cidrsubnets: {
    fn: ([p, ...bits]) => {
      const { addr, bits: pb } = parseCidr(str(p));
      let cur = addr;
      return bits.map((b) => {
        const nb = pb + int(b);
        const size = 2 ** (32 - nb);
        cur = Math.ceil(cur / size) * size;
        const out = `${ipText(cur >>> 0)}/${nb}`;
        cur += size;
        return out;
      });
    },
    min: 1
  },
  cidrhost: { fn: ([p, h]) => cidrhost(str(p), int(h)), min: 2, max: 2 },
  cidrnetmask: { fn: ([p]) => {
    const { bits } = parseCidr(str(p));
    return ipText(bits === 0 ? 0 : 4294967295 << 32 - bits >>> 0);
  }, min: 1, max: 1 },
  // identity-like
  sensitive: { fn: ([v]) => v, partial: true, min: 1, max: 1 },
  nonsensitive: { fn: ([v]) => v, partial: true, min: 1, max: 1 },
  type: { fn: ([v]) => typeName(v), min: 1, max: 1 }
};
var SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), "try", "can", "coalesce"].sort();
function callFunction(name, args, src) {
  const def = FUNCTIONS[name];
  if (!def) return unknown(src);
  if (def.min !== void 0 && args.length < def.min || def.max !== void 0 && args.length > def.max) {
    throw new EvalError(`${name}: wrong number of arguments`);
  }
  if (args.some((a) => isUnknown(a))) return unknown(src);
  if (!def.partial && args.some(hasUnknown)) return unknown(src);
  return def.fn(args);
}
var SPECIAL_FORMS = {
  try: (args, ev, src) => {
    for (const a of args) {
      try {
        const v = ev(a);
        if (hasUnknown(v)) return unknown(src);
        return v;
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
      }
    }
    throw new EvalError("try: no argument could be evaluated");
  },
  can: (args, ev, src) => {
    if (args.length !== 1) throw new EvalError("can takes one argument");
    try {
      const v = ev(args[0]);
      return hasUnknown(v) ? unknown(src) : true;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      return false;
    }
  },
  coalesce: (args, ev, src) => {
    for (const a of args) {
      const v = ev(a);
      if (isUnknown(v)) return unknown(src);
      if (v !== null && v !== "") return v;
    }
    throw new EvalError("coalesce: no non-null argument");
  }
};

// src/resolve/parser.ts
var PUNCT = ["...", "=>", "==", "!=", "<=", ">=", "&&", "||", "::", "(", ")", "[", "]", "{", "}", ",", ".", "?", ":", "=", "!", "<", ">", "+", "-", "*", "/", "%"];
function skipInterpolation(src, start) {
  let depth = 1;
  let j = start;
  while (j < src.length) {
    const c = src[j];
    if (c === '"') {
      j = skipString(src, j + 1);
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  throw new ParseError("unterminated interpolation");
}
function skipString(src, start) {
  let j = start;
  while (j < src.length) {
    const c = src[j];
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === '"') return j + 1;
    if ((c === "$" || c === "%") && src[j + 1] === "{") {
      if (src[j + 2] === void 0) break;
      if (src[j - 1] !== c) {
        j = skipInterpolation(src, j + 2);
        continue;
      }
    }
    j++;
  }
  throw new ParseError("unterminated string");
}
var NUM = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
var IDENT = /[A-Za-z_][A-Za-z0-9_-]*(::[A-Za-z_][A-Za-z0-9_-]*)*/y;
function lex(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      toks.push({ kind: "nl", text: "\n", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#" || c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const e = src.indexOf("*/", i + 2);
      i = e < 0 ? src.length : e + 2;
      continue;
    }
    if (c === '"') {
      const end = skipString(src, i + 1);
      toks.push({ kind: "str", text: src.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (c === "<" && src[i + 1] === "<") throw new ParseError("heredoc inside an expression is not supported");
    if (c >= "0" && c <= "9") {
      NUM.lastIndex = i;
      const m = NUM.exec(src);
      toks.push({ kind: "num", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c === "_") {
      IDENT.lastIndex = i;
      const m = IDENT.exec(src);
      toks.push({ kind: "ident", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) throw new ParseError(`unexpected character ${JSON.stringify(c)}`);
    toks.push({ kind: "punct", text: p, start: i, end: i + p.length });
    i += p.length;
  }
  toks.push({ kind: "eof", text: "", start: src.length, end: src.length });
  return toks;
}
var BINARY = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
var Parser = class {
  constructor(src) {
    this.src = src;
    this.toks = lex(src);
  }
  src;
  pos = 0;
  toks;
  skipNl() {
    while (this.toks[this.pos].kind === "nl") this.pos++;
  }
  /** Next significant token (newlines skipped, not consumed). */
  peek() {
    let p = this.pos;
    while (this.toks[p].kind === "nl") p++;
    return this.toks[p];
  }
  next() {
    this.skipNl();
    return this.toks[this.pos++];
  }
  isP(text) {
    const t = this.peek();
    return t.kind === "punct" && t.text === text;
  }
  isRawP(text) {
    const t = this.toks[this.pos];
    return t.kind === "punct" && t.text === text;
  }
  expect(text) {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== text) throw new ParseError(`expected "${text}", got "${t.text}"`);
    return t;
  }
  text(start) {
    const end = this.toks[this.pos - 1].end;
    return this.src.slice(start, end).trim();
  }
  parseAll() {
    const n = this.expr();
    if (this.peek().kind !== "eof") throw new ParseError(`unexpected "${this.peek().text}"`);
    return n;
  }
  expr() {
    const start = this.peek().start;
    const c = this.binary(0);
    if (this.isP("?")) {
      this.next();
      const t = this.expr();
      this.expect(":");
      const f = this.expr();
      return { k: "cond", c, t, f, src: this.text(start) };
    }
    return c;
  }
  binary(level) {
    if (level >= BINARY.length) return this.unary();
    const start = this.peek().start;
    let l = this.binary(level + 1);
    for (; ; ) {
      const t = this.peek();
      if (t.kind !== "punct" || !BINARY[level].includes(t.text)) return l;
      this.next();
      const r = this.binary(level + 1);
      l = { k: "binary", op: t.text, l, r, src: this.text(start) };
    }
  }
  unary() {
    const t = this.peek();
    if (t.kind === "punct" && (t.text === "!" || t.text === "-")) {
      this.next();
      const x = this.unary();
      if (t.text === "-" && x.k === "lit" && typeof x.v === "number") return { k: "lit", v: -x.v, src: this.text(t.start) };
      return { k: "unary", op: t.text, x, src: this.text(t.start) };
    }
    return this.postfix(this.primary(), t.start);
  }
  steps() {
    const steps = [];
    for (; ; ) {
      if (this.isRawP(".")) {
        const save = this.pos;
        this.pos++;
        const t = this.toks[this.pos];
        if (t.kind === "ident") {
          this.pos++;
          steps.push({ k: "attr", name: t.text });
        } else if (t.kind === "num" && /^[0-9]+$/.test(t.text)) {
          this.pos++;
          steps.push({ k: "index", key: { k: "lit", v: Number(t.text), src: t.text } });
        } else if (t.kind === "punct" && t.text === "*") {
          this.pos = save;
          return { steps, splat: true };
        } else throw new ParseError('expected an attribute name after "."');
      } else if (this.isRawP("[")) {
        const t = this.toks[this.pos + 1];
        if (t?.kind === "punct" && t.text === "*") return { steps, splat: true };
        this.pos++;
        const key = this.expr();
        this.expect("]");
        steps.push({ k: "index", key });
      } else return { steps, splat: false };
    }
  }
  postfix(n, begin) {
    let cur = n;
    for (; ; ) {
      const { steps, splat } = this.steps();
      if (steps.length) {
        if (cur.k === "ref") cur = { k: "ref", root: cur.root, steps: [...cur.steps, ...steps], src: this.text(begin) };
        else cur = { k: "get", obj: cur, steps, src: this.text(begin) };
      }
      if (!splat) return cur;
      if (this.isRawP(".")) {
        this.pos += 2;
      } else {
        this.pos += 3;
      }
      const after = [];
      for (; ; ) {
        const s = this.steps();
        after.push(...s.steps);
        if (!s.splat) break;
        throw new ParseError("nested splat is not supported");
      }
      cur = { k: "splat", obj: cur, steps: after, src: this.text(begin) };
      return cur;
    }
  }
  primary() {
    const t = this.next();
    const start = t.start;
    if (t.kind === "num") return { k: "lit", v: Number(t.text), src: t.text };
    if (t.kind === "str") {
      const parts = parseTemplate(t.text.slice(1, -1), true);
      return templateNode(parts, t.text);
    }
    if (t.kind === "ident") {
      if (t.text === "true" || t.text === "false") return { k: "lit", v: t.text === "true", src: t.text };
      if (t.text === "null") return { k: "lit", v: null, src: t.text };
      if (this.isRawP("(")) {
        this.pos++;
        const args = [];
        let expand = false;
        while (!this.isP(")")) {
          args.push(this.expr());
          if (this.isP("...")) {
            this.next();
            expand = true;
          }
          if (this.isP(",")) this.next();
          else break;
        }
        this.expect(")");
        return { k: "call", name: t.text, args, expand, src: this.text(start) };
      }
      return { k: "ref", root: t.text, steps: [], src: t.text };
    }
    if (t.kind === "punct") {
      if (t.text === "(") {
        const e = this.expr();
        this.expect(")");
        return { ...e, src: this.text(start) };
      }
      if (t.text === "[") return this.tupleOrFor(start);
      if (t.text === "{") return this.objectOrFor(start);
    }
    throw new ParseError(`unexpected "${t.text || "end of expression"}"`);
  }
  forHead() {
    this.next();
    const a = this.next();
    if (a.kind !== "ident") throw new ParseError('expected a variable name after "for"');
    let keyVar;
    let valVar = a.text;
    if (this.isP(",")) {
      this.next();
      const b = this.next();
      if (b.kind !== "ident") throw new ParseError("expected a variable name");
      keyVar = a.text;
      valVar = b.text;
    }
    const inTok = this.next();
    if (inTok.text !== "in") throw new ParseError('expected "in"');
    const coll = this.expr();
    this.expect(":");
    return { ...keyVar ? { keyVar } : {}, valVar, coll };
  }
  tupleOrFor(start) {
    if (this.peek().kind === "ident" && this.peek().text === "for") {
      const head = this.forHead();
      const valExpr = this.expr();
      let cond;
      if (this.peek().kind === "ident" && this.peek().text === "if") {
        this.next();
        cond = this.expr();
      }
      this.expect("]");
      return { k: "for", ...head, valExpr, ...cond ? { cond } : {}, group: false, object: false, src: this.text(start) };
    }
    const items = [];
    while (!this.isP("]")) {
      items.push(this.expr());
      if (this.isP(",")) this.next();
      else break;
    }
    this.expect("]");
    return { k: "tuple", items, src: this.text(start) };
  }
  objectOrFor(start) {
    if (this.peek().kind === "ident" && this.peek().text === "for") {
      const head = this.forHead();
      const keyExpr = this.expr();
      this.expect("=>");
      const valExpr = this.expr();
      let group = false;
      if (this.isP("...")) {
        this.next();
        group = true;
      }
      let cond;
      if (this.peek().kind === "ident" && this.peek().text === "if") {
        this.next();
        cond = this.expr();
      }
      this.expect("}");
      return { k: "for", ...head, keyExpr, valExpr, ...cond ? { cond } : {}, group, object: true, src: this.text(start) };
    }
    const items = [];
    while (!this.isP("}")) {
      const kt = this.peek();
      let key;
      if (kt.kind === "ident" && isKeySep(this.nextAfter())) {
        this.next();
        key = { k: "lit", v: kt.text, src: kt.text };
      } else key = this.expr();
      const sep = this.next();
      if (sep.kind !== "punct" || sep.text !== "=" && sep.text !== ":") throw new ParseError('expected "=" or ":" in an object');
      const value = this.expr();
      items.push({ key, value });
      if (this.isP(",")) this.next();
    }
    this.expect("}");
    return { k: "object", items, src: this.text(start) };
  }
  /** The significant token after the next significant one. */
  nextAfter() {
    let p = this.pos;
    while (this.toks[p]?.kind === "nl") p++;
    p++;
    while (this.toks[p]?.kind === "nl") p++;
    return this.toks[p];
  }
};
function isKeySep(t) {
  return t?.kind === "punct" && (t.text === "=" || t.text === ":");
}
function templateNode(parts, src) {
  if (parts.length === 0) return { k: "lit", v: "", src };
  if (parts.length === 1 && typeof parts[0] === "string") return { k: "lit", v: parts[0], src };
  return { k: "tmpl", parts, src };
}
var ESCAPES = { n: "\n", t: "	", r: "\r", '"': '"', "\\": "\\" };
function parseTemplate(text, quoted) {
  const parts = [];
  let lit = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted && c === "\\") {
      const e = text[i + 1] ?? "";
      if (e === "u" || e === "U") {
        const len = e === "u" ? 4 : 8;
        lit += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + len), 16));
        i += 2 + len;
      } else {
        lit += ESCAPES[e] ?? e;
        i += 2;
      }
      continue;
    }
    if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
      lit += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === "$" || c === "%") && text[i + 1] === "{") {
      const end = skipInterpolation(text, i + 2);
      let inner = text.slice(i + 2, end - 1);
      if (inner.startsWith("~")) {
        inner = inner.slice(1);
        lit = lit.replace(/\s+$/, "");
      }
      if (inner.endsWith("~")) inner = inner.slice(0, -1);
      if (lit) parts.push(lit);
      lit = "";
      if (c === "%") parts.push({ k: "directive", src: text.slice(i, end) });
      else parts.push(parseExpression(inner));
      i = end;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit) parts.push(lit);
  return parts;
}
function parseExpression(src) {
  return new Parser(src).parseAll();
}
function parseHclString(text) {
  return templateNode(parseTemplate(text, false), text);
}

// src/resolve/eval.ts
function childScope(s, extra) {
  const bindings = new Map(s.bindings);
  for (const [k, v] of Object.entries(extra)) bindings.set(k, v);
  return { resolver: s.resolver, bindings };
}
var TRAVERSAL = /^(?!var\.|local\.|each\.|count\.)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*")\])+$/;
function traversalText(root, steps) {
  let s = root;
  for (const st of steps) {
    if (st.attr !== void 0) s += `.${st.attr}`;
    else s += `[${JSON.stringify(st.key)}]`;
  }
  return s;
}
function applyStep(v, st, src) {
  if (isUnknown(v)) return unknown(src);
  if (st.attr !== void 0) {
    if (isObject(v)) {
      if (st.attr in v) return v[st.attr];
      throw new EvalError(`no attribute "${st.attr}"`);
    }
    throw new EvalError(`a ${typeName(v)} has no attribute "${st.attr}"`);
  }
  const key = st.key;
  if (isUnknown(key)) return unknown(src);
  if (Array.isArray(v)) {
    const i = toNum(key);
    if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new EvalError(`index ${i} out of range`);
    return v[i];
  }
  if (isObject(v)) {
    const k = toStr(key);
    if (k in v) return v[k];
    throw new EvalError(`no element "${k}"`);
  }
  throw new EvalError(`a ${typeName(v)} cannot be indexed`);
}
function evalSteps(steps, scope) {
  return steps.map((s) => s.k === "attr" ? { attr: s.name } : { key: evaluate(s.key, scope) });
}
function iterate(coll) {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return Object.keys(coll).sort().map((k) => [k, coll[k]]);
  throw new EvalError(`cannot iterate over a ${typeName(coll)}`);
}
function evaluate(n, scope) {
  switch (n.k) {
    case "lit":
      return n.v;
    case "tmpl": {
      if (n.parts.length === 1 && typeof n.parts[0] !== "string" && n.parts[0].k !== "directive") {
        return evaluate(n.parts[0], scope);
      }
      let out = "";
      for (const p of n.parts) {
        if (typeof p === "string") out += p;
        else if (p.k === "directive") return unknown(n.src);
        else {
          const v = evaluate(p, scope);
          if (hasUnknown(v)) return unknown(n.src);
          out += toStr(v);
        }
      }
      return out;
    }
    case "ref": {
      const steps = evalSteps(n.steps, scope);
      let value;
      let used;
      if (scope.bindings.has(n.root)) {
        value = scope.bindings.get(n.root);
        used = 0;
      } else {
        const r = scope.resolver.ref(n.root, steps);
        if (!r) {
          const known = steps.every((s) => s.attr !== void 0 || !hasUnknown(s.key));
          return unknown(known ? traversalText(n.root, steps) : n.src);
        }
        ({ value, used } = r);
      }
      for (let i = used; i < steps.length; i++) {
        if (isUnknown(value)) {
          const rest = steps.slice(i);
          if (!rest.every((s) => s.attr !== void 0 || !hasUnknown(s.key))) return unknown(n.src);
          if (TRAVERSAL.test(value.__unknown__)) return unknown(value.__unknown__ + traversalText("", rest));
          const known = steps.every((s) => s.attr !== void 0 || !hasUnknown(s.key));
          return unknown(known ? traversalText(n.root, steps) : n.src);
        }
        value = applyStep(value, steps[i], n.src);
      }
      return value;
    }
    case "get": {
      let v = evaluate(n.obj, scope);
      for (const st of evalSteps(n.steps, scope)) v = applyStep(v, st, n.src);
      return v;
    }
    case "splat": {
      const obj2 = evaluate(n.obj, scope);
      if (isUnknown(obj2)) return unknown(n.src);
      if (obj2 === null) return [];
      const list2 = Array.isArray(obj2) ? obj2 : [obj2];
      const steps = evalSteps(n.steps, scope);
      return list2.map((el) => steps.reduce((v, st) => applyStep(v, st, n.src), el));
    }
    case "call": {
      const special = SPECIAL_FORMS[n.name];
      if (special) return special(n.args, (a) => evaluate(a, scope), n.src);
      let args = n.args.map((a) => evaluate(a, scope));
      if (n.expand) {
        const last = args[args.length - 1];
        if (isUnknown(last)) return unknown(n.src);
        if (!Array.isArray(last)) throw new EvalError('only a list can be expanded with "..."');
        args = [...args.slice(0, -1), ...last];
      }
      return callFunction(n.name, args, n.src);
    }
    case "tuple":
      return n.items.map((x) => evaluate(x, scope));
    case "object": {
      const out = {};
      for (const it of n.items) {
        const k = evaluate(it.key, scope);
        if (hasUnknown(k)) return unknown(n.src);
        out[toStr(k)] = evaluate(it.value, scope);
      }
      return out;
    }
    case "for": {
      const coll = evaluate(n.coll, scope);
      if (isUnknown(coll)) return unknown(n.src);
      const list2 = [];
      const obj2 = {};
      for (const [k, v] of iterate(coll)) {
        const s = childScope(scope, { [n.valVar]: v, ...n.keyVar ? { [n.keyVar]: k } : {} });
        if (n.cond) {
          const c = evaluate(n.cond, s);
          if (hasUnknown(c)) return unknown(n.src);
          if (!toBool(c)) continue;
        }
        if (n.object) {
          const key = evaluate(n.keyExpr, s);
          if (hasUnknown(key)) return unknown(n.src);
          const ks = toStr(key);
          const val = evaluate(n.valExpr, s);
          if (n.group) (obj2[ks] ??= []).push(val);
          else if (ks in obj2) throw new EvalError(`duplicate key "${ks}" in a for expression`);
          else obj2[ks] = val;
        } else list2.push(evaluate(n.valExpr, s));
      }
      return n.object ? obj2 : list2;
    }
    case "unary": {
      const x = evaluate(n.x, scope);
      if (hasUnknown(x)) return unknown(n.src);
      return n.op === "!" ? !toBool(x) : -toNum(x);
    }
    case "binary": {
      const l = evaluate(n.l, scope);
      const r = evaluate(n.r, scope);
      if (hasUnknown(l) || hasUnknown(r)) return unknown(n.src);
      switch (n.op) {
        case "==":
          return deepEqual(l, r);
        case "!=":
          return !deepEqual(l, r);
        case "&&":
          return toBool(l) && toBool(r);
        case "||":
          return toBool(l) || toBool(r);
        case "+":
          return toNum(l) + toNum(r);
        case "-":
          return toNum(l) - toNum(r);
        case "*":
          return toNum(l) * toNum(r);
        case "/":
          return toNum(l) / toNum(r);
        case "%":
          return toNum(l) % toNum(r);
        case "<":
          return toNum(l) < toNum(r);
        case "<=":
          return toNum(l) <= toNum(r);
        case ">":
          return toNum(l) > toNum(r);
        case ">=":
          return toNum(l) >= toNum(r);
      }
      throw new EvalError(`unknown operator ${n.op}`);
    }
    case "cond": {
      const c = evaluate(n.c, scope);
      if (hasUnknown(c)) return unknown(n.src);
      return toBool(c) ? evaluate(n.t, scope) : evaluate(n.f, scope);
    }
  }
}
var cache = /* @__PURE__ */ new Map();
function evalString(text, scope) {
  let node = cache.get(text);
  if (!node) {
    try {
      node = parseHclString(text);
    } catch (e) {
      node = e instanceof ParseError ? e : new ParseError(String(e));
    }
    if (cache.size > 5e4) cache.clear();
    cache.set(text, node);
  }
  if (node instanceof ParseError) return unknown(stripInterpolation(text));
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError || e instanceof RangeError) return unknown(stripInterpolation(text));
    throw e;
  }
}
function stripInterpolation(text) {
  const m = /^\$\{([\s\S]*)\}$/.exec(text);
  return m && !m[1].includes("${") ? m[1].trim() : text;
}
function isTemplateText(v) {
  return /(?<![$])\$\{|(?<![%])%\{/.test(v);
}

// src/normalize/body.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var INSTANCE_CAP = 256;
function emptyStats() {
  return { literal: 0, resolved: 0, unknown: 0 };
}
function bodies(v) {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}
function rawHasExpression(v) {
  if (typeof v === "string") return isTemplateText(v);
  if (Array.isArray(v)) return v.some(rawHasExpression);
  if (isObj(v)) return Object.entries(v).some(([k, x]) => isTemplateText(k) || rawHasExpression(x));
  return false;
}
function evalRaw(v, scope) {
  if (typeof v === "string") return isTemplateText(v) ? evalString(v, scope) : v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => evalRaw(x, scope));
  if (isObj(v)) {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const key = isTemplateText(k) ? evalString(k, scope) : k;
      if (hasUnknown(key)) return unknown(k);
      out[typeof key === "string" ? key : toStr(key)] = evalRaw(x, scope);
    }
    return out;
  }
  return null;
}
function count(stats, raw, value) {
  if (!stats) return;
  if (!rawHasExpression(raw)) stats.literal++;
  else if (hasUnknown(value)) stats.unknown++;
  else stats.resolved++;
}
function forEachPairs(v) {
  if (Array.isArray(v)) return v.some((x) => isUnknown(x)) ? void 0 : v.map((x, i) => [typeof x === "string" ? x : i, x]);
  if (isObject(v)) return Object.keys(v).sort().map((k) => [k, v[k]]);
  return void 0;
}
function isBlockList(v) {
  return Array.isArray(v) && v.length > 0 && v.every(isObj);
}
function evalBody(raw, ctx, outPath = [], srcPath = outPath) {
  const out = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === "dynamic") continue;
    if (isBlockList(v)) {
      out[k] = v.map((b, i) => evalBody(b, ctx, [...outPath, k, i], [...srcPath, k, i]));
      continue;
    }
    const value = evalRaw(v, ctx.scope);
    count(ctx.stats, v, value);
    out[k] = value;
  }
  if (isObj(raw.dynamic)) {
    const leftover = {};
    for (const [name, list2] of Object.entries(raw.dynamic)) {
      bodies(list2).forEach((d, j) => {
        const forEach = evalRaw(d.for_each, ctx.scope);
        const pairs = forEachPairs(forEach);
        const content = bodies(d.content)[0] ?? {};
        const iterRaw = typeof d.iterator === "string" ? d.iterator.replace(/^\$\{\s*|\s*\}$/g, "") : name;
        const src = [...srcPath, "dynamic", name, j];
        if (!pairs) {
          count(ctx.stats, d.for_each, forEach);
          leftover[name] = [...bodies(leftover[name]), d];
          const prev = out[name];
          const u = unknown(`dynamic "${name}"`);
          out[name] = Array.isArray(prev) ? [...prev, u] : u;
          return;
        }
        if (pairs.length > INSTANCE_CAP) ctx.onCap?.(`dynamic "${name}" (${pairs.length} blocks, first ${INSTANCE_CAP} kept)`);
        const list3 = Array.isArray(out[name]) ? out[name] : [];
        if (!(name in raw) && j === 0) ctx.remaps?.push({ from: [...outPath, name], to: [...srcPath, "dynamic", name] });
        for (const [key, value] of pairs.slice(0, INSTANCE_CAP)) {
          const idx = list3.length;
          const scope = childScope(ctx.scope, { [iterRaw]: { key, value } });
          const outBlock = [...outPath, name, idx];
          const srcBlock = [...src, "content", 0];
          ctx.remaps?.push({ from: outBlock, to: srcBlock });
          list3.push(evalBody(content, { ...ctx, scope }, outBlock, srcBlock));
        }
        if (!isUnknown(out[name])) out[name] = list3;
      });
    }
    if (Object.keys(leftover).length) {
      out.dynamic = evalRaw(leftover, { ...ctx.scope, bindings: /* @__PURE__ */ new Map() });
    }
  }
  return out;
}

// src/normalize/terraform.ts
import path2 from "node:path";
var isObj2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var MAX_DEPTH = 12;
function dirOf(file) {
  const d = path2.posix.dirname(file);
  return d === "" ? "." : d;
}
function isLocalSource(s) {
  return s.startsWith("./") || s.startsWith("../") || s === "." || s === "..";
}
function rebase(v, text) {
  if (isUnknown(v)) return unknown(text);
  if (Array.isArray(v)) return v.map((x) => rebase(x, text));
  if (isObject(v)) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = rebase(x, text);
    return o;
  }
  return v;
}
function keyText(k) {
  return typeof k === "number" ? `[${k}]` : `[${JSON.stringify(k)}]`;
}
var TerraformEvaluator = class {
  constructor(files, rootVars, sink, stats) {
    this.rootVars = rootVars;
    this.sink = sink;
    this.stats = stats;
    for (const f of files) {
      const d = dirOf(f.file.path);
      let m = this.dirs.get(d);
      if (!m) this.dirs.set(d, m = { dir: d, files: [] });
      m.files.push(f);
    }
  }
  rootVars;
  sink;
  stats;
  notes = { remoteModules: [], capped: [], skippedModules: [] };
  dirs = /* @__PURE__ */ new Map();
  /** Local module calls: caller dir -> called dirs. */
  calledDirs() {
    const called = /* @__PURE__ */ new Set();
    for (const m of this.dirs.values()) {
      for (const f of m.files) {
        if (!isObj2(f.body.module)) continue;
        for (const list2 of Object.values(f.body.module)) {
          for (const b of bodies(list2)) {
            if (typeof b.source !== "string" || !isLocalSource(b.source)) continue;
            const target = path2.posix.normalize(path2.posix.join(m.dir, b.source)).replace(/\/$/, "") || ".";
            if (target !== m.dir) called.add(target);
          }
        }
      }
    }
    return called;
  }
  run() {
    const called = this.calledDirs();
    let roots = [...this.dirs.keys()].filter((d) => !called.has(d));
    if (roots.length === 0) roots = [...this.dirs.keys()];
    for (const d of roots.sort()) {
      new ModuleInstance(this, this.dirs.get(d), [], this.rootInputs(d), void 0, 0).emit();
    }
  }
  /** Root variables: terraform.tfvars, *.auto.tfvars (name order) in the folder, then the var files given. */
  rootInputs(dir) {
    const out = /* @__PURE__ */ new Map();
    const noScope = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() };
    const auto = this.rootVars.filter((v) => dirOf(v.file) === dir && !v.given && /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/.test(v.file)).sort((a, b) => {
      const rank = (f) => /terraform\.tfvars$/.test(f) ? 0 : /terraform\.tfvars\.json$/.test(f) ? 1 : 2;
      return rank(a.file) - rank(b.file) || a.file.localeCompare(b.file);
    });
    const given = this.rootVars.filter((v) => v.given);
    for (const v of [...auto, ...given]) for (const [k, x] of Object.entries(v.values)) out.set(k, evalRaw(x, noScope));
    return out;
  }
  dir(d) {
    return this.dirs.get(d);
  }
  get sinkRef() {
    return this.sink;
  }
  get statsRef() {
    return this.stats;
  }
};
var ModuleInstance = class _ModuleInstance {
  constructor(ev, mod, modulePath, inputs, callSite, depth) {
    this.ev = ev;
    this.mod = mod;
    this.modulePath = modulePath;
    this.callSite = callSite;
    this.depth = depth;
    this.prefix = modulePath.map((m) => `module.${m}.`).join("");
    const resolver = { ref: (root, steps) => this.ref(root, steps) };
    this.scope = { resolver, bindings: /* @__PURE__ */ new Map() };
    const noScope = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() };
    for (const f of mod.files) {
      if (isObj2(f.body.variable)) {
        for (const [name, list2] of Object.entries(f.body.variable)) {
          const b = bodies(list2)[0];
          if (!b) continue;
          if (inputs.has(name)) this.variables.set(name, inputs.get(name));
          else if ("default" in b) this.variables.set(name, evalRaw(b.default, noScope));
          else this.variables.set(name, unknown(`var.${name}`));
        }
      }
      for (const l of bodies(f.body.locals)) for (const [k, v] of Object.entries(l)) this.localsRaw.set(k, v);
    }
  }
  ev;
  mod;
  modulePath;
  callSite;
  depth;
  scope;
  localsRaw = /* @__PURE__ */ new Map();
  localsDone = /* @__PURE__ */ new Map();
  localsBusy = /* @__PURE__ */ new Set();
  variables = /* @__PURE__ */ new Map();
  children = /* @__PURE__ */ new Map();
  prefix;
  ref(root, steps) {
    const name = steps[0]?.attr;
    switch (root) {
      case "var":
        return name !== void 0 && this.variables.has(name) ? { value: this.variables.get(name), used: 1 } : void 0;
      case "local":
        return name !== void 0 && this.localsRaw.has(name) ? { value: this.local(name), used: 1 } : void 0;
      case "path":
        return { value: { module: this.mod.dir, root: ".", cwd: "." }, used: 0 };
      case "module":
        return name !== void 0 ? this.moduleValue(name) : void 0;
      default:
        return void 0;
    }
  }
  local(name) {
    if (this.localsDone.has(name)) return this.localsDone.get(name);
    if (this.localsBusy.has(name)) return unknown(`local.${name}`);
    this.localsBusy.add(name);
    const v = evalRaw(this.localsRaw.get(name), this.scope);
    this.localsBusy.delete(name);
    this.localsDone.set(name, v);
    return v;
  }
  /** module.<name>: an object of outputs (a list or map of them when the call is expanded). */
  moduleValue(name) {
    const c = this.child(name);
    if (!c || c.remote) return void 0;
    const outputsOf = (i) => {
      const label = `module.${name}${i.key !== void 0 ? keyText(i.key) : ""}`;
      return i.inst ? i.inst.outputs(label) : unknown(label);
    };
    if (!c.expanded) return c.instances[0] ? { value: outputsOf(c.instances[0]), used: 1 } : void 0;
    if (c.expanded === "count") return { value: c.instances.map(outputsOf), used: 1 };
    const o = {};
    for (const i of c.instances) o[String(i.key)] = outputsOf(i);
    return { value: o, used: 1 };
  }
  outputsCache;
  outputs(label) {
    if (this.outputsCache) return this.outputsCache;
    this.outputsCache = {};
    for (const f of this.mod.files) {
      if (!isObj2(f.body.output)) continue;
      for (const [name, list2] of Object.entries(f.body.output)) {
        const b = bodies(list2)[0];
        if (!b) continue;
        this.outputsCache[name] = rebase(evalRaw(b.value, this.scope), `${label}.${name}`);
      }
    }
    return this.outputsCache;
  }
  findCall(name) {
    for (const f of this.mod.files) {
      if (!isObj2(f.body.module)) continue;
      const b = bodies(f.body.module[name])[0];
      if (b) return { f, b };
    }
    return void 0;
  }
  /** Instantiate (once) the module call `name`. */
  child(name) {
    const done = this.children.get(name);
    if (done) return done;
    const call = this.findCall(name);
    if (!call) return void 0;
    const { f, b } = call;
    const line = f.locations.get(["module", name, 0])?.startLine ?? 1;
    const address = `${this.prefix}module.${name}`;
    const source = typeof b.source === "string" ? b.source : "";
    const entry = { instances: [], expanded: void 0 };
    this.children.set(name, entry);
    if (!isLocalSource(source)) {
      entry.remote = true;
      this.ev.notes.remoteModules.push({ source, module: address, file: f.file.path, line });
      return entry;
    }
    const target = path2.posix.normalize(path2.posix.join(this.mod.dir, source)).replace(/\/$/, "") || ".";
    const targetDir = target.startsWith("../") || target === ".." ? void 0 : this.ev.dir(target);
    if (!targetDir || this.depth >= MAX_DEPTH) {
      const reason = target.startsWith("..") ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) is outside the workspace: not read` : !targetDir ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) is not among the scanned paths: not scanned` : `module nesting deeper than ${MAX_DEPTH} at ${address}: not expanded`;
      this.ev.notes.skippedModules.push({ path: target, reason });
      entry.remote = true;
      return entry;
    }
    let keys = [void 0];
    const meta = /* @__PURE__ */ new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);
    const eachValue = /* @__PURE__ */ new Map();
    if ("count" in b || "for_each" in b) {
      const isCount = "count" in b;
      const v = evalRaw(isCount ? b.count : b.for_each, this.scope);
      const pairs = isCount ? typeof v === "number" ? Array.from({ length: Math.max(0, Math.floor(v)) }, (_, i) => [i, i]) : void 0 : forEachPairs(v);
      if (pairs) {
        entry.expanded = isCount ? "count" : "for_each";
        if (pairs.length > INSTANCE_CAP) this.ev.notes.capped.push(`${address} (${pairs.length} instances, first ${INSTANCE_CAP} kept)`);
        keys = pairs.slice(0, INSTANCE_CAP).map(([k]) => k);
        for (const [k, x] of pairs) eachValue.set(k, x);
      }
    }
    for (const key of keys) {
      const bindings = {};
      if ("count" in b) bindings.count = { index: key === void 0 ? unknown("count.index") : key };
      if ("for_each" in b) bindings.each = key === void 0 ? { key: unknown("each.key"), value: unknown("each.value") } : { key, value: eachValue.get(key) };
      const scope = childScope(this.scope, bindings);
      const inputs = /* @__PURE__ */ new Map();
      for (const [k, raw] of Object.entries(b)) {
        if (meta.has(k)) continue;
        inputs.set(k, rebase(evalRaw(raw, scope), `var.${k}`));
      }
      const seg = `${name}${key !== void 0 ? keyText(key) : ""}`;
      const inst = new _ModuleInstance(this.ev, targetDir, [...this.modulePath, seg], inputs, { file: f.file.path, line, module: `${this.prefix}module.${seg}` }, this.depth + 1);
      entry.instances.push({ ...key !== void 0 ? { key } : {}, inst });
    }
    return entry;
  }
  /** Register this module's resources and providers, then its children's. */
  emit() {
    const sink = this.ev.sinkRef;
    for (const f of this.mod.files) {
      for (const mode of ["resource", "data"]) {
        const byType = f.body[mode];
        if (!isObj2(byType)) continue;
        for (const [type, byName] of Object.entries(byType)) {
          if (!isObj2(byName)) continue;
          for (const [name, list2] of Object.entries(byName)) {
            bodies(list2).forEach((b, i) => this.emitResource(f, mode, type, name, b, i));
          }
        }
      }
      if (isObj2(f.body.provider)) {
        for (const [name, list2] of Object.entries(f.body.provider)) {
          bodies(list2).forEach((b, i) => {
            const config = evalBody(b, { scope: this.scope });
            const alias = typeof config.alias === "string" ? config.alias : void 0;
            sink.provider(f, name, alias, this.mod.dir, config, ["provider", name, i], this.prefix);
          });
        }
      }
    }
    for (const f of this.mod.files) {
      if (!isObj2(f.body.module)) continue;
      for (const name of Object.keys(f.body.module)) {
        const c = this.child(name);
        for (const i of c?.instances ?? []) i.inst?.emit();
      }
    }
  }
  emitResource(f, mode, type, name, b, i) {
    const local = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
    const locPath = [mode, type, name, i];
    const stats = this.ev.statsRef;
    let instances = [{ bindings: {} }];
    if ("count" in b) {
      const v = evalRaw(b.count, this.scope);
      if (typeof v === "number") instances = Array.from({ length: Math.max(0, Math.floor(v)) }, (_, k) => ({ key: k, bindings: { count: { index: k } } }));
      else instances = [{ bindings: { count: { index: unknown("count.index") } } }];
    } else if ("for_each" in b) {
      const v = evalRaw(b.for_each, this.scope);
      const pairs = hasUnknown(v) && !Array.isArray(v) && !isObject(v) ? void 0 : forEachPairs(v);
      if (pairs) instances = pairs.map(([k, x]) => ({ key: k, bindings: { each: { key: k, value: x } } }));
      else instances = [{ bindings: { each: { key: unknown("each.key"), value: unknown("each.value") } } }];
    }
    if (instances.length > INSTANCE_CAP) {
      this.ev.notes.capped.push(`${this.prefix}${local} (${instances.length} instances, first ${INSTANCE_CAP} kept)`);
      instances = instances.slice(0, INSTANCE_CAP);
    }
    for (const inst of instances) {
      const remaps = [];
      const suffix = inst.key !== void 0 ? keyText(inst.key) : "";
      const config = evalBody(b, {
        scope: childScope(this.scope, inst.bindings),
        stats,
        remaps,
        onCap: (what) => this.ev.notes.capped.push(`${this.prefix}${local}${suffix}: ${what}`)
      }, locPath);
      this.ev.sinkRef.resource(
        f,
        {
          address: `${this.prefix}${local}${suffix}`,
          mode: mode === "data" ? "data" : "managed",
          type,
          name,
          module_dir: this.mod.dir,
          file: f.file.path,
          config,
          ...this.modulePath.length ? { module_path: this.modulePath } : {},
          ...this.callSite ? { call_site: { file: this.callSite.file, line: this.callSite.line } } : {},
          local_address: local,
          ...inst.key !== void 0 ? { instance_key: inst.key } : {}
        },
        locPath,
        { remaps, ...this.callSite ? { callSite: this.callSite } : {} }
      );
    }
  }
};

// src/normalize/input.ts
function emptyInput() {
  return {
    schema_version: 1,
    terraform: { resources: [], providers: [], variables: [] },
    packer: { sources: [], builds: [], variables: [] }
  };
}

// src/normalize/normalize.ts
var RemappedIndex = class extends LocationIndex {
  constructor(inner, remaps) {
    super();
    this.inner = inner;
    this.remaps = remaps;
  }
  inner;
  remaps;
  get(p) {
    let best;
    for (const r of this.remaps) {
      if (r.from.length <= p.length && r.from.every((s, i) => s === p[i]) && (!best || r.from.length > best.from.length)) best = r;
    }
    return this.inner.get(best ? [...best.to, ...p.slice(best.from.length)] : p);
  }
};
var isObj3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var TEMPLATE = /(?<![$])\$\{|(?<![%])%\{/;
function unknown2(expr) {
  return { __unknown__: expr };
}
function toValue(v) {
  if (typeof v === "string") {
    if (TEMPLATE.test(v)) {
      const m = /^\$\{([\s\S]*)\}$/.exec(v);
      return unknown2(m ? m[1].trim() : v);
    }
    return v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  }
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (isObj3(v)) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = toValue(x);
    return o;
  }
  return null;
}
function toBody(body) {
  const out = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "dynamic" && isObj3(v)) {
      out[k] = toValue(v);
      continue;
    }
    out[k] = Array.isArray(v) && v.every(isObj3) && v.length > 0 ? v.map((b) => toBody(b)) : toValue(v);
  }
  if (isObj3(body.dynamic)) {
    for (const name of Object.keys(body.dynamic)) {
      if (!(name in out)) out[name] = unknown2(`dynamic "${name}"`);
    }
  }
  return out;
}
function dirOf2(file) {
  const d = path3.posix.dirname(file);
  return d === "" ? "." : d;
}
function literalString(v) {
  return typeof v === "string" && !TEMPLATE.test(v) ? v : void 0;
}
var Builder = class {
  input = emptyInput();
  locator = /* @__PURE__ */ new Map();
  /** Register an entity id, making it unique within the input. */
  register(file, base, locPath, extra = {}) {
    let id = `${file.file.path}#${base}`;
    for (let n = 2; this.locator.has(id); n++) id = `${file.file.path}#${base}#${n}`;
    const locations = extra.remaps?.length ? new RemappedIndex(file.locations, extra.remaps) : file.locations;
    this.locator.set(id, { file: file.file.path, locPath, locations, ...extra.callSite ? { callSite: extra.callSite } : {} });
    return id;
  }
  stats = emptyStats();
  /** Every Terraform module folder at once: roots, then the local modules they call. */
  terraformModules(files, varFiles) {
    const tf = this.input.terraform;
    const rootVars = [
      ...files.filter((f) => f.file.kind === "terraform-vars").map((f) => ({ file: f.file.path, values: f.body })),
      ...varFiles.filter((f) => f.file.kind === "terraform-vars").map((f) => ({ file: f.file.path, values: f.body, given: true }))
    ];
    const ev = new TerraformEvaluator(
      files.filter((f) => f.file.kind === "terraform" || f.file.kind === "terraform-json"),
      rootVars,
      {
        resource: (f, r, locPath, extra) => {
          tf.resources.push({ id: this.register(f, r.address, locPath, extra), ...r });
        },
        provider: (f, name, alias, moduleDir, config, locPath, prefix) => {
          const base = `${prefix}${alias ? `provider.${name}.${alias}` : `provider.${name}`}`;
          tf.providers.push({ id: this.register(f, base, locPath), name, ...alias ? { alias } : {}, module_dir: moduleDir, file: f.file.path, config });
        }
      },
      this.stats
    );
    ev.run();
    for (const f of files) if (f.file.kind === "terraform" || f.file.kind === "terraform-json") this.variables(f, tf.variables);
    return ev.notes;
  }
  variables(f, into) {
    const vars = f.body.variable;
    if (!isObj3(vars)) return;
    for (const [name, list2] of Object.entries(vars)) {
      bodies(list2).forEach((b, i) => {
        const v = {
          id: this.register(f, `var.${name}`, ["variable", name, i]),
          name,
          dir: dirOf2(f.file.path),
          file: f.file.path,
          has_default: "default" in b,
          sensitive: b.sensitive === true
        };
        if ("default" in b) v.default = toValue(b.default);
        into.push(v);
      });
    }
  }
  /** Provisioners of one build in source order: hcl2json groups them by type, lines restore order. */
  provisioners(f, buildPath, blocks, kind, ctx) {
    const found = [];
    if (isObj3(blocks)) {
      for (const [type, list2] of Object.entries(blocks)) {
        bodies(list2).forEach((b, i) => {
          const line = f.locations.get([...buildPath, kind, type, i])?.startLine ?? Number.MAX_SAFE_INTEGER;
          found.push({ type, line, config: ctx ? evalBody(b, ctx) : toBody(b) });
        });
      }
    }
    found.sort((a, b) => a.line - b.line);
    return found.map((p, index) => ({ type: p.type, index, config: p.config }));
  }
  /** The scope of one Packer template folder: variables (defaults, *.auto.pkrvars.hcl, var files) and locals. */
  packerScope(dir, files, varFiles) {
    const none = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() };
    const vars = /* @__PURE__ */ new Map();
    const localsRaw = /* @__PURE__ */ new Map();
    const mine = files.filter((f) => f.file.kind === "packer" && dirOf2(f.file.path) === dir);
    for (const f of mine) {
      if (isObj3(f.body.variable)) {
        for (const [name, list2] of Object.entries(f.body.variable)) {
          const b = bodies(list2)[0];
          vars.set(name, b && "default" in b ? evalRaw(b.default, none) : unknown2(`var.${name}`));
        }
      }
      for (const l of bodies(f.body.locals)) for (const [k, v] of Object.entries(l)) localsRaw.set(k, v);
      if (isObj3(f.body.local)) for (const [k, list2] of Object.entries(f.body.local)) localsRaw.set(k, bodies(list2)[0]?.expression);
    }
    const auto = files.filter((f) => f.file.kind === "packer-vars" && dirOf2(f.file.path) === dir && /\.auto\.pkrvars\.(hcl|json)$/.test(f.file.path)).sort((a, b) => a.file.path.localeCompare(b.file.path));
    for (const f of [...auto, ...varFiles.filter((v) => v.file.kind === "packer-vars")]) {
      for (const [k, v] of Object.entries(f.body)) if (vars.has(k)) vars.set(k, evalRaw(v, none));
    }
    const done = /* @__PURE__ */ new Map();
    const busy = /* @__PURE__ */ new Set();
    const scope = {
      bindings: /* @__PURE__ */ new Map(),
      resolver: {
        ref: (root, steps) => {
          const name = steps[0]?.attr;
          if (root === "var" && name !== void 0 && vars.has(name)) return { value: vars.get(name), used: 1 };
          if (root === "local" && name !== void 0 && localsRaw.has(name)) {
            if (!done.has(name)) {
              if (busy.has(name)) return { value: unknown2(`local.${name}`), used: 1 };
              busy.add(name);
              done.set(name, evalRaw(localsRaw.get(name), scope));
              busy.delete(name);
            }
            return { value: done.get(name), used: 1 };
          }
          if (root === "path") return { value: { root: dir, cwd: "." }, used: 0 };
          return void 0;
        }
      }
    };
    return scope;
  }
  packerHcl(f, scope) {
    const pk = this.input.packer;
    const dir = dirOf2(f.file.path);
    const ctx = { scope, stats: this.stats };
    if (isObj3(f.body.source)) {
      for (const [type, byName] of Object.entries(f.body.source)) {
        if (!isObj3(byName)) continue;
        for (const [name, list2] of Object.entries(byName)) {
          bodies(list2).forEach((b, i) => {
            const address = `source.${type}.${name}`;
            const remaps = [];
            pk.sources.push({
              id: this.register(f, address, ["source", type, name, i], { remaps }),
              address,
              type,
              name,
              template_dir: dir,
              file: f.file.path,
              syntax: "hcl",
              config: evalBody(b, { ...ctx, remaps }, ["source", type, name, i])
            });
          });
        }
      }
    }
    bodies(f.body.build).forEach((b, i) => {
      const buildPath = ["build", i];
      const name = literalString(b.name) ?? `build.${i}`;
      const sources = Array.isArray(b.sources) ? b.sources.filter((s) => typeof s === "string") : [];
      if (isObj3(b.source)) {
        for (const [label, list2] of Object.entries(b.source)) {
          const baseAddress = label.startsWith("source.") ? label : `source.${label}`;
          bodies(list2).forEach((ob, j) => {
            const { name: overrideName, ...fields } = ob;
            if (Object.keys(fields).length === 0) {
              sources.push(baseAddress);
              return;
            }
            const base = pk.sources.find((s) => s.address === baseAddress && s.template_dir === dir);
            const [, type = "unknown", baseName = "unknown"] = /^source\.([^.]+)\.(.+)$/.exec(baseAddress) ?? [];
            const shownName = typeof overrideName === "string" && !isTemplateText(overrideName) ? overrideName : baseName;
            const address = `source.${type}.${shownName}`;
            const overridePath = [...buildPath, "source", label, j];
            const remaps = [];
            const over = evalBody(fields, { ...ctx, remaps }, overridePath);
            const baseLoc = base ? this.locator.get(base.id) : void 0;
            if (base && baseLoc && baseLoc.file === f.file.path) {
              for (const k of Object.keys(base.config)) if (!(k in over)) remaps.push({ from: [...overridePath, k], to: [...baseLoc.locPath, k] });
            }
            pk.sources.push({
              id: this.register(f, `build.${name}.${address}`, overridePath, { remaps }),
              address,
              type,
              name: shownName,
              template_dir: dir,
              file: f.file.path,
              syntax: "hcl",
              config: { ...base?.config ?? { base: unknown2(`${baseAddress} (not found)`) }, ...over },
              base: baseAddress,
              build: name
            });
            sources.push(address);
          });
        }
      }
      const build = {
        id: this.register(f, `build.${name}`, buildPath),
        name,
        template_dir: dir,
        file: f.file.path,
        sources,
        provisioners: this.provisioners(f, buildPath, b.provisioner, "provisioner", ctx),
        post_processors: this.provisioners(f, buildPath, b["post-processor"], "post-processor", ctx)
      };
      pk.builds.push(build);
    });
    this.variables(f, pk.variables);
  }
  packerJson(f) {
    const pk = this.input.packer;
    const dir = dirOf2(f.file.path);
    const addresses = [];
    (Array.isArray(f.body.builders) ? f.body.builders : []).forEach((b, i) => {
      if (!isObj3(b)) return;
      const type = literalString(b.type) ?? "unknown";
      const name = literalString(b.name) ?? type;
      const address = `source.${type}.${name}`;
      const { type: _t, name: _n, ...rest } = b;
      addresses.push(address);
      pk.sources.push({
        id: this.register(f, address, ["builders", i]),
        address,
        type,
        name,
        template_dir: dir,
        file: f.file.path,
        syntax: "json",
        config: toBody(rest)
      });
    });
    const list2 = (key) => (Array.isArray(f.body[key]) ? f.body[key] : []).flatMap((p, index) => {
      if (!isObj3(p)) return [];
      const { type, ...rest } = p;
      return [{ type: literalString(type) ?? "unknown", index, config: toBody(rest) }];
    });
    if (addresses.length || Array.isArray(f.body.provisioners)) {
      pk.builds.push({
        id: this.register(f, "build", []),
        name: "build",
        template_dir: dir,
        file: f.file.path,
        sources: addresses,
        provisioners: list2("provisioners"),
        post_processors: list2("post-processors").filter((p) => p.type !== "unknown")
      });
    }
    if (isObj3(f.body.variables)) {
      for (const [name, def] of Object.entries(f.body.variables)) {
        pk.variables.push({
          id: this.register(f, `var.${name}`, ["variables", name]),
          name,
          dir,
          file: f.file.path,
          has_default: true,
          default: toValue(def),
          sensitive: Array.isArray(f.body["sensitive-variables"]) && f.body["sensitive-variables"].includes(name)
        });
      }
    }
  }
};
function normalize(files, opts = {}) {
  const b = new Builder();
  const notes = b.terraformModules(files, opts.varFiles ?? []);
  const packerScopes = /* @__PURE__ */ new Map();
  for (const f of files) {
    switch (f.file.kind) {
      case "packer": {
        const dir = dirOf2(f.file.path);
        let scope = packerScopes.get(dir);
        if (!scope) packerScopes.set(dir, scope = b.packerScope(dir, files, opts.varFiles ?? []));
        b.packerHcl(f, scope);
        break;
      }
      case "packer-json":
        b.packerJson(f);
        break;
      default:
        break;
    }
  }
  return {
    input: b.input,
    locator: b.locator,
    summary: { values: b.stats, remoteModules: notes.remoteModules, capped: notes.capped, skipped: notes.skippedModules }
  };
}

// src/normalize/var-files.ts
import path4 from "node:path";
async function loadVarFiles(root, files, opts) {
  const parsed = [];
  const errors = [];
  for (const given of files) {
    const abs = path4.resolve(root, given);
    const rel = path4.relative(root, abs).split(path4.sep).join("/");
    const shown = rel.startsWith("..") || path4.isAbsolute(rel) ? abs.split(path4.sep).join("/") : rel;
    const kind = kindOf(path4.basename(abs));
    if (kind !== "terraform-vars" && kind !== "packer-vars") {
      errors.push({ path: shown, kind: "unknown", message: "a var file must end in .tfvars, .tfvars.json, .pkrvars.hcl or .pkrvars.json", range: { startLine: 1, endLine: 1 } });
      continue;
    }
    const r = await parseFile({ path: shown, absPath: abs, kind }, opts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }
  return { parsed, errors };
}

// node_modules/@open-policy-agent/opa-wasm/src/index.mjs
var import_opa = __toESM(require_opa(), 1);
var loadPolicy = import_opa.default.loadPolicy;

// src/evaluate/engine.ts
var ENTRYPOINT = "controlgate/main/results";
var PolicyError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PolicyError";
  }
};
function describe(e) {
  if (e instanceof Error) return e.message;
  try {
    return typeof e === "string" ? e : JSON.stringify(e);
  } catch {
    return String(e);
  }
}
var PolicyEngine = class _PolicyEngine {
  constructor(policy) {
    this.policy = policy;
  }
  policy;
  static async load(wasm) {
    try {
      const policy = await loadPolicy(wasm);
      if (!Object.keys(policy.entrypoints).includes(ENTRYPOINT)) {
        throw new PolicyError(`policy bundle has no entrypoint ${ENTRYPOINT}`);
      }
      return new _PolicyEngine(policy);
    } catch (e) {
      if (e instanceof PolicyError) throw e;
      throw new PolicyError(`cannot load the policy bundle: ${describe(e)}`);
    }
  }
  evaluate(input) {
    let raw;
    try {
      raw = this.policy.evaluate(input, ENTRYPOINT);
    } catch (e) {
      throw new PolicyError(`policy evaluation failed: ${describe(e)}`);
    }
    return parseOutcomes(raw);
  }
};
var isObj4 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseOutcomes(raw) {
  if (!Array.isArray(raw)) throw new PolicyError("policy returned no result set");
  if (raw.length === 0) return [];
  const first = raw[0];
  const set = first.result;
  if (!Array.isArray(set)) throw new PolicyError("policy result is not a set");
  return set.map((o, i) => {
    if (!isObj4(o) || typeof o.rule !== "string" || !isObj4(o.result)) throw new PolicyError(`malformed outcome #${i}`);
    const kind = o.kind;
    if (kind !== "deny" && kind !== "unknown" && kind !== "applies") throw new PolicyError(`outcome #${i} has unknown kind`);
    const r = o.result;
    if (typeof r.resource !== "string") throw new PolicyError(`rule ${o.rule}: result without a resource id`);
    const path8 = Array.isArray(r.path) ? r.path.filter((s) => typeof s === "string" || typeof s === "number") : [];
    const out = { rule: o.rule, kind, resource: r.resource, path: path8, hasActual: "actual" in r };
    if ("actual" in r) out.actual = r.actual;
    if (typeof r.sub === "string") out.sub = r.sub;
    if (typeof r.reason === "string") out.reason = r.reason;
    return out;
  });
}

// src/model/types.ts
var SEVERITIES = ["info", "low", "medium", "high", "critical"];
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function isSeverity(s) {
  return SEVERITIES.includes(s);
}

// src/controls/catalog.ts
var CatalogError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CatalogError";
  }
};
function indexCatalog(raw) {
  const c = raw;
  if (!c || !Array.isArray(c.rules)) throw new CatalogError("catalog has no rules list");
  const byPackage = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  for (const r of c.rules) {
    if (typeof r.id !== "string" || typeof r.package !== "string" || !isSeverity(r.severity)) {
      throw new CatalogError(`catalog entry is malformed: ${JSON.stringify(r).slice(0, 120)}`);
    }
    if (byId.has(r.id)) throw new CatalogError(`rule id ${r.id} appears twice in the catalog`);
    byPackage.set(r.package, r);
    byId.set(r.id, r);
  }
  return { catalog: c, byPackage, byId };
}

// src/controls/map.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_VALUE_TEXT = 80;
function valueText(v) {
  let s;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  s = s.replace(/[\u0000-\u001f\u007f]/g, " ");
  return s.length > MAX_VALUE_TEXT ? `${s.slice(0, MAX_VALUE_TEXT - 1)}\u2026` : s;
}
function pathText(path8, config) {
  let out = "";
  let node = config;
  for (const seg of path8) {
    if (typeof seg === "number") {
      const many = Array.isArray(node) && node.length > 1;
      if (many || !Array.isArray(node) && seg !== 0) out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : void 0;
    } else {
      out += out ? `.${seg}` : seg;
      node = node && typeof node === "object" && !Array.isArray(node) ? node[seg] : void 0;
    }
  }
  return out;
}
function fingerprint(id, file, resource, path8) {
  return createHash2("sha256").update(JSON.stringify([id, file, resource, path8])).digest("hex").slice(0, 32);
}
function messageFor(meta, o, config) {
  const base = o.sub ? meta.subresults[o.sub]?.message ?? meta.message : meta.message;
  if (o.path.length === 0) return base;
  const where = pathText(o.path, config);
  if (meta.secret) return `${base} (in ${where})`;
  if (!o.hasActual) return `${base} (${where} is not set)`;
  return `${base} (${where} is ${valueText(o.actual)})`;
}
function locate(loc, path8) {
  if (!loc) return { startLine: 1, endLine: 1 };
  const hit = loc.locations.resolve([...loc.locPath, ...path8]);
  return hit ? { startLine: hit.range.startLine, endLine: hit.range.endLine } : { startLine: 1, endLine: 1 };
}
function blockRangeOf(loc) {
  const hit = loc?.locations.resolve(loc.locPath);
  return hit?.exact ? { blockRange: { startLine: hit.range.startLine, endLine: hit.range.endLine } } : {};
}
function mapOutcomes(outcomes, ctx) {
  const findings = [];
  const unmapped = /* @__PURE__ */ new Set();
  const status = /* @__PURE__ */ new Map();
  const key = (ruleId, res) => `${ruleId}\0${res}`;
  const setStatus = (meta, resource, s, reason) => {
    const k = key(meta.id, resource);
    const prev = status.get(k);
    const file = ctx.locator.get(resource)?.file ?? "";
    const rank = { passed: 0, not_evaluated: 1, waived: 2, failed: 3 };
    if (!prev || rank[s] > rank[prev.status]) {
      status.set(k, { ruleId: meta.id, resource: ctx.entities.get(resource)?.address ?? resource, file, status: s, ...reason ? { reason } : {} });
    }
  };
  for (const o of outcomes) {
    const meta = ctx.catalog.byPackage.get(o.rule);
    if (!meta) {
      unmapped.add(o.rule);
      continue;
    }
    if (o.kind === "applies") {
      setStatus(meta, o.resource, "passed");
      continue;
    }
    if (o.kind === "unknown") {
      setStatus(meta, o.resource, "not_evaluated", o.reason ? `depends on ${o.reason}` : "depends on a value not known statically");
      continue;
    }
    const loc = ctx.locator.get(o.resource);
    const entity = ctx.entities.get(o.resource);
    const id = o.sub ? `${meta.id}/${o.sub}` : meta.id;
    const severity = o.sub ? meta.subresults[o.sub]?.severity ?? meta.severity : meta.severity;
    const file = loc?.file ?? "";
    const address = entity?.address ?? o.resource;
    findings.push({
      ruleId: meta.id,
      id,
      severity,
      title: meta.title,
      message: messageFor(meta, o, entity?.config),
      remediation: meta.remediation,
      controls: meta.controls,
      file,
      range: locate(loc, o.path),
      ...blockRangeOf(loc),
      resource: address,
      path: o.path,
      fingerprint: fingerprint(id, file, address, o.path),
      ...loc?.callSite ? { callSite: loc.callSite } : {}
    });
    setStatus(meta, o.resource, "failed");
  }
  findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.startLine - b.range.startLine || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id) || a.fingerprint.localeCompare(b.fingerprint)
  );
  const evaluations = [...status.values()].sort(
    (a, b) => a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.resource.localeCompare(b.resource)
  );
  return { findings, evaluations, unmappedRules: [...unmapped].sort() };
}

// src/engine/scan.ts
import { createHash as createHash3 } from "node:crypto";

// src/waivers/waivers.ts
function globToRegExp(glob) {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`);
}
function ruleMatches(pattern, f) {
  if (pattern.includes("*") || pattern.includes("?")) {
    const re = globToRegExp(pattern.replace(/\//g, ""));
    return re.test(f.id.replace(/\//g, "")) || re.test(f.ruleId);
  }
  return pattern === f.id || pattern === f.ruleId;
}
function targetMatches(w, f) {
  if (w.source !== "config") {
    if (!w.file || !w.target || f.file !== w.file) return false;
    return f.range.startLine >= w.target.startLine && f.range.startLine <= w.target.endLine;
  }
  if (w.path && !globToRegExp(w.path).test(f.file)) return false;
  if (w.resource) {
    const re = new RegExp(`^${w.resource.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    if (!re.test(f.resource)) return false;
  }
  return true;
}
function isValidDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function today(now) {
  return now.toISOString().slice(0, 10);
}
function applyWaivers(findings, evaluations, waivers, now) {
  const day = today(now);
  const ordered = [...waivers].sort((a, b) => a.id.localeCompare(b.id));
  const records = ordered.map((w) => {
    let status = "stale";
    let note;
    if (w.problem) {
      status = "rejected";
      note = w.problem;
    } else if (!w.reason?.trim()) {
      status = "rejected";
      note = "no reason given: a waiver must say why";
    } else if (w.expires && w.expires < day) {
      status = "expired";
      note = `expired on ${w.expires}`;
    }
    return { ...w, status, matched: [], ...note ? { note } : {} };
  });
  const out = findings.map((f) => {
    let waiver;
    for (const rec of records) {
      if (!ruleMatches(rec.rule, f) || !targetMatches(rec, f)) continue;
      rec.matched.push(f.fingerprint);
      if (rec.status === "rejected") continue;
      if (rec.status === "expired") {
        waiver ??= { id: rec.id, status: "expired", reason: rec.reason ?? "", ...rec.expires ? { expires: rec.expires } : {} };
        continue;
      }
      rec.status = "applied";
      waiver = {
        id: rec.id,
        status: "applied",
        reason: rec.reason ?? "",
        ...rec.expires ? { expires: rec.expires } : {},
        ...rec.approver ?? rec.ticket ? { approver: rec.approver ?? rec.ticket } : {}
      };
      break;
    }
    return waiver ? { ...f, waiver } : f;
  });
  for (const rec of records) {
    rec.matched.sort();
    if (rec.status === "stale" && rec.matched.length) rec.status = "applied";
    if (rec.status === "expired" && !rec.matched.length) rec.note = `${rec.note}; it matches nothing now`;
  }
  const byPair = /* @__PURE__ */ new Map();
  for (const f of out) {
    const k = `${f.ruleId}\0${f.file}\0${f.resource}`;
    byPair.set(k, [...byPair.get(k) ?? [], f]);
  }
  const evals = evaluations.map((e) => {
    if (e.status !== "failed") return e;
    const fs4 = byPair.get(`${e.ruleId}\0${e.file}\0${e.resource}`) ?? [];
    return fs4.length && fs4.every((f) => f.waiver?.status === "applied") ? { ...e, status: "waived" } : e;
  });
  return { findings: out, evaluations: evals, records };
}

// src/waivers/inline.ts
var OURS = /^\s*controlgate:ignore\b\s*(.*)$/;
function parseArgs(s) {
  const words = [];
  const pairs = {};
  for (const m of s.matchAll(/([A-Za-z_-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))|(\S+)/g)) {
    if (m[1]) pairs[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1");
    else if (m[5]) words.push(m[5]);
  }
  return { words, pairs };
}
function parseOwnDirective(comment) {
  const m = OURS.exec(comment);
  if (!m) return void 0;
  const { words, pairs } = parseArgs(m[1] ?? "");
  const rule = words[0];
  const d = { source: "inline", rule: rule ?? "" };
  if (pairs.reason !== void 0) d.reason = pairs.reason;
  if (pairs.approver !== void 0) d.approver = pairs.approver;
  if (pairs.ticket !== void 0) d.ticket = pairs.ticket;
  if (pairs.expires !== void 0) d.expires = pairs.expires;
  if (!rule) d.problem = "no rule id after controlgate:ignore";
  else if (d.expires !== void 0 && !isValidDate(d.expires)) d.problem = `expires must be a date YYYY-MM-DD (got "${d.expires}")`;
  return d;
}
function targetOf(comment, codeLines, locations) {
  const n = comment.trailing ? comment.line : codeLines.find((l) => l > comment.line);
  let best;
  if (n !== void 0) {
    for (const r of locations.ranges()) {
      if (r.startLine === n && (!best || r.endLine - r.startLine > best.endLine - best.startLine)) best = r;
    }
  }
  if (best) return best;
  for (const r of locations.ranges()) {
    if (r.startLine < comment.line && comment.line <= r.endLine && (!best || r.endLine - r.startLine < best.endLine - best.startLine)) best = r;
  }
  return best;
}
function inlineWaivers(file, text, locations, parsers) {
  const comments = [];
  const toks = tokenize(text, (c) => comments.push(c));
  const codeLines = [...new Set(toks.filter((t) => t.kind !== "nl").map((t) => t.line))].sort((a, b) => a - b);
  const out = [];
  for (const c of comments) {
    for (const d of parsers.flatMap((p) => p(c.text))) {
      const target = targetOf(c, codeLines, locations);
      const w = { id: `${d.source}:${file}:${c.line}:${d.rule}`, source: d.source, rule: d.rule, file, line: c.line };
      if (d.reason !== void 0) w.reason = d.reason;
      if (d.expires !== void 0) w.expires = d.expires;
      if (d.approver !== void 0) w.approver = d.approver;
      if (d.ticket !== void 0) w.ticket = d.ticket;
      if (d.problem) w.problem = d.problem;
      if (target) w.target = target;
      else w.problem ??= "not placed before or inside a block or attribute";
      out.push(w);
    }
  }
  return out;
}
var ownDirectives = (c) => {
  const d = parseOwnDirective(c);
  return d ? [d] : [];
};

// src/util/secrets.ts
var REDACTED = "[REDACTED]";
var SHAPES = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g,
  // AWS access key ids
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // PEM private keys
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
  // GitHub tokens
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  // Slack tokens
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  // Google API keys
  /\bsk_live_[0-9A-Za-z]{24,}\b/g
  // Stripe live keys
];
var ASSIGNMENT = /(?:password|passwd|pwd|secret|token|api_key|apikey|access_key)["']?\s*[=:]\s*["']?([^\s"'$`{}<>()]{6,})/gi;
var QUOTED = /"((?:[^"\\$]|\\.){6,})"/g;
var CREDENTIAL_NAME = /(^|_|-)(password|passwd|secret|secret_key|secret_access_key|access_key|client_secret|api_key|token|access_token|private_key|credentials|account_key|sas_token|connection_string|admin_password|auth_token)$/i;
var COMMON = /^(true|false|null|none|changeme|change_me|required|optional|enabled|disabled|default|example|placeholder|password|secret|\*+|x+)$/i;
function looksSecret(s) {
  const shaped = /[0-9]/.test(s) || /[^A-Za-z0-9_-]/.test(s) || s.length >= 12 && /[a-z]/.test(s) && /[A-Z]/.test(s);
  return s.length >= 8 && shaped && worthMasking(s);
}
function worthMasking(s) {
  const t = s.trim();
  return t.length >= 6 && !COMMON.test(t) && !/^\$\{|^\{\{/.test(t);
}
var isObj5 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isPlain = (v) => isObj5(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
function walkStrings(v, key, visit2, depth = 0) {
  if (depth > 200) return;
  if (typeof v === "string") visit2(v, key);
  else if (Array.isArray(v)) for (const x of v) walkStrings(x, key, visit2, depth + 1);
  else if (isObj5(v)) for (const [k, x] of Object.entries(v)) walkStrings(x, k, visit2, depth + 1);
}
function sensitiveVariableNames(files) {
  const names = /* @__PURE__ */ new Set();
  for (const f of files) {
    const vars = f.body.variable;
    if (isObj5(vars)) {
      for (const [name, list2] of Object.entries(vars)) {
        const bodies2 = Array.isArray(list2) ? list2 : [list2];
        if (bodies2.some((b) => isObj5(b) && (b.sensitive === true || b.sensitive === "true"))) names.add(name);
      }
    }
    const legacy = f.body["sensitive-variables"];
    if (Array.isArray(legacy)) {
      for (const n of legacy) if (typeof n === "string") names.add(n);
    }
  }
  return names;
}
function collectSecrets(files) {
  const found = /* @__PURE__ */ new Set();
  const add = (s) => {
    if (worthMasking(s)) found.add(s);
  };
  const sensitive = sensitiveVariableNames(files);
  for (const f of files) {
    const vars = f.body.variable;
    if (isObj5(vars)) {
      for (const [name, list2] of Object.entries(vars)) {
        if (!sensitive.has(name)) continue;
        for (const b of Array.isArray(list2) ? list2 : [list2]) if (isObj5(b)) walkStrings(b.default, "default", add);
      }
    }
    const legacyVars = f.body.variables;
    if (isObj5(legacyVars)) for (const n of sensitive) walkStrings(legacyVars[n], n, add);
    if (f.file.kind === "terraform-vars" || f.file.kind === "packer-vars") {
      for (const n of sensitive) walkStrings(f.body[n], n, add);
    }
    walkStrings(f.body, "", (s, key) => {
      if (CREDENTIAL_NAME.test(key)) {
        if (!s.includes("${") && !s.startsWith("{{")) {
          if (looksSecret(s)) add(s);
        } else for (const m of s.matchAll(QUOTED)) if (looksSecret(m[1])) add(m[1]);
      }
      for (const re of SHAPES) for (const m of s.matchAll(re)) add(m[0]);
      for (const m of s.matchAll(ASSIGNMENT)) if (looksSecret(m[1])) add(m[1]);
    });
    for (const re of SHAPES) for (const m of f.text.matchAll(re)) add(m[0]);
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
function redactor(secrets) {
  if (!secrets.length) return (v) => v;
  const forms = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    const firstLine = s.split("\n")[0];
    if (firstLine.length >= 16) forms.add(firstLine);
  }
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const text = (s) => s.replace(pattern, REDACTED);
  const deep = (v, depth) => {
    if (typeof v === "string") return text(v);
    if (depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => deep(x, depth + 1));
    if (isPlain(v)) {
      const o = {};
      for (const [k, x] of Object.entries(v)) o[text(k)] = deep(x, depth + 1);
      return o;
    }
    return v;
  };
  return (v) => deep(v, 0);
}

// src/engine/scan.ts
function defaultAssetsDir() {
  const here = path5.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path5.resolve(here, ".."), path5.resolve(here, "..", "..", "dist")]) {
    if (existsSync(path5.join(dir, "policy.wasm")) && existsSync(path5.join(dir, "catalog.json"))) return dir;
  }
  return path5.resolve(here, "..", "..", "dist");
}
var sha256 = (b) => createHash3("sha256").update(b).digest("hex");
var loaded = /* @__PURE__ */ new Map();
function loadPolicies(assetsDir) {
  let p = loaded.get(assetsDir);
  if (!p) {
    p = (async () => {
      const wasm = readFileSync(path5.join(assetsDir, "policy.wasm"));
      const catalogText = readFileSync(path5.join(assetsDir, "catalog.json"));
      const catalog = indexCatalog(JSON.parse(catalogText.toString("utf8")));
      return { engine: await PolicyEngine.load(wasm), catalog, policySha256: sha256(wasm), catalogSha256: sha256(catalogText) };
    })();
    loaded.set(assetsDir, p);
  }
  return p;
}
async function scan(opts) {
  const startedAt = (opts.now ?? /* @__PURE__ */ new Date()).toISOString();
  const root = path5.resolve(opts.root);
  const { engine, catalog, policySha256, catalogSha256 } = await loadPolicies(opts.assetsDir ?? defaultAssetsDir());
  const { files, skipped } = await discover(root, opts.paths);
  const parsed = [];
  const errors = [];
  const parseOpts = { ...DEFAULT_PARSE_OPTIONS, ...opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {} };
  for (const f of files) {
    const r = await parseFile(f, parseOpts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }
  const vf = await loadVarFiles(root, opts.varFiles ?? [], parseOpts);
  errors.push(...vf.errors);
  const { input, locator, summary: resolution } = normalize(parsed, { varFiles: vf.parsed });
  skipped.push(...resolution.skipped);
  const entities = /* @__PURE__ */ new Map();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, config: p.config });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: `var.${v.name}`, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config });
  for (const b of input.packer.builds) entities.set(b.id, { address: `build.${b.name}`, config: b });
  const outcomes = engine.evaluate(input);
  const mapped = mapOutcomes(outcomes, { catalog, locator, entities });
  if (mapped.unmappedRules.length) {
    throw new Error(`policy bundle and catalog disagree: no catalog entry for ${mapped.unmappedRules.join(", ")}`);
  }
  const waivers = [...opts.waivers ?? [], ...parsed.flatMap((p) => isHclSyntax(p) ? inlineWaivers(p.file.path, p.text, p.locations, [ownDirectives]) : [])];
  const { findings, evaluations, records } = applyWaivers(mapped.findings, mapped.evaluations, waivers, opts.now ?? /* @__PURE__ */ new Date());
  const redactions = collectSecrets(parsed);
  const redact = redactor(redactions);
  const reported = redact({
    root,
    bundle: { policySha256, catalogSha256, opaVersion: catalog.catalog.opaVersion },
    startedAt,
    finishedAt: (opts.now ?? /* @__PURE__ */ new Date()).toISOString(),
    files: fileRecords(parsed, errors, skipped),
    waivers: records,
    filesFound: files.length,
    filesScanned: parsed.map((p) => p.file.path),
    skipped,
    errors,
    findings,
    evaluations,
    resolution: { values: resolution.values, remoteModules: resolution.remoteModules, capped: resolution.capped }
  });
  return { ...reported, catalog: catalog.catalog, redactions };
}
function isHclSyntax(p) {
  return !p.file.path.toLowerCase().endsWith(".json");
}
function fileRecords(parsed, errors, skipped) {
  const out = [
    ...parsed.map((p) => ({ path: p.file.path, kind: p.file.kind, sha256: p.sha256, status: "parsed" })),
    ...errors.map((e) => ({ path: e.path, kind: e.kind, ...e.sha256 ? { sha256: e.sha256 } : {}, status: "parse_error", reason: e.message })),
    ...skipped.map((s) => ({ path: s.path, kind: "unknown", status: "skipped", reason: s.reason }))
  ];
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// src/engine/exit-codes.ts
var EXIT = {
  /** No finding at or above fail-on, every file scanned. */
  ok: 0,
  /** Findings at or above fail-on, or files that could not be scanned. */
  findings: 1,
  /** Bad usage or configuration (unknown flag, invalid fail-on, ...). */
  usage: 2,
  /** The policy bundle or the tool itself failed: a bug or a broken installation. */
  internal: 3
};
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/engine/options.ts
function parseFailOn(s, fallback = "high") {
  const v = (s ?? "").trim().toLowerCase();
  if (!v) return fallback;
  if (v === "never" || isSeverity(v)) return v;
  throw new UsageError(`fail-on must be one of critical, high, medium, low, info, never (got "${s}")`);
}

// src/util/escape.ts
function safeText(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function escapeMarkdownCell(s) {
  return escapeHtml(safeText(s).replace(/([\\`*_{}[\]()#+!~])/g, "\\$1")).replace(/\|/g, "&#124;").replace(/@/g, "@\u200B");
}

// src/report/text.ts
function controlLabel(c, max = 2) {
  const iso = c.iso27017.slice(0, max).join(", ");
  const soc = c.soc2.slice(0, max).join(", ");
  return [iso, soc ? `SOC 2 ${soc}` : ""].filter(Boolean).join(" \xB7 ");
}
function failingFindings(findings, failOn) {
  if (failOn === "never") return [];
  return findings.filter((f) => f.waiver?.status !== "applied" && severityRank(f.severity) >= severityRank(failOn));
}
function waiverNote(f) {
  if (!f.waiver) return "";
  return f.waiver.status === "applied" ? `  [waived until ${f.waiver.expires ?? "revoked"}: ${safeText(f.waiver.reason)}]` : `  [waiver expired on ${f.waiver.expires}]`;
}
function countBySeverity(findings) {
  const c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
function renderText(r) {
  const lines = [];
  const widthLoc = Math.min(48, Math.max(0, ...r.findings.map((f) => `${f.file}:${f.range.startLine}`.length)));
  const widthId = Math.max(0, ...r.findings.map((f) => f.id.length));
  for (const f of r.findings) {
    const loc = safeText(`${f.file}:${f.range.startLine}`).padEnd(widthLoc);
    lines.push(`${loc}  ${f.severity.padEnd(8)}  ${f.id.padEnd(widthId)}  ${controlLabel(f.controls)}  ${safeText(f.message)}${f.callSite ? safeText(` (via ${f.callSite.module} at ${f.callSite.file}:${f.callSite.line})`) : ""}${waiverNote(f)}`);
  }
  for (const e of r.errors) {
    lines.push(`${safeText(`${e.path}:${e.range.startLine}`)}  error     ${safeText(e.message)}`);
  }
  for (const s of r.skipped) lines.push(`${safeText(s.path)}  skipped   ${safeText(s.reason)}`);
  for (const m of r.resolution?.remoteModules ?? []) lines.push(`${safeText(`${m.file}:${m.line}`)}  skipped   ${safeText(`remote module ${m.source} (${m.module}): not scanned`)}`);
  for (const w of r.waivers.filter((x) => x.status === "rejected" || x.status === "stale")) {
    lines.push(`${safeText(w.file ? `${w.file}:${w.line}` : `waiver ${w.id}`)}  waiver    ${w.status}: ${safeText(w.rule)}${w.note ? ` (${safeText(w.note)})` : ""}`);
  }
  const c = countBySeverity(r.findings);
  const waived = r.findings.filter((f) => f.waiver?.status === "applied").length;
  const notEvaluated = r.evaluations.filter((e) => e.status === "not_evaluated").length;
  const passed = r.evaluations.filter((e) => e.status === "passed").length;
  lines.push("");
  lines.push(
    `${r.findings.length} finding(s): ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info` + (waived ? ` (${waived} waived)` : "") + ` \xB7 ${passed} check(s) passed, ${notEvaluated} not evaluated (values unknown statically)`
  );
  lines.push(
    `${r.filesFound} file(s) found: ${r.filesScanned.length} scanned, ${r.errors.length} with errors` + (r.skipped.length ? `; ${r.skipped.length} other path(s) skipped` : "")
  );
  return `${lines.join("\n")}
`;
}
function renderJson(r, failOn) {
  const c = countBySeverity(r.findings);
  const doc = {
    tool: { name: "controlgate", opaVersion: r.catalog.opaVersion },
    summary: {
      findings: r.findings.length,
      bySeverity: c,
      failed: failingFindings(r.findings, failOn).length > 0,
      failOn,
      filesFound: r.filesFound,
      filesScanned: r.filesScanned.length,
      fileErrors: r.errors.length,
      pathsSkipped: r.skipped.length,
      checks: {
        passed: r.evaluations.filter((e) => e.status === "passed").length,
        failed: r.evaluations.filter((e) => e.status === "failed").length,
        notEvaluated: r.evaluations.filter((e) => e.status === "not_evaluated").length
      },
      ...r.resolution ? { values: r.resolution.values, remoteModulesNotScanned: r.resolution.remoteModules.length, instancesCapped: r.resolution.capped.length } : {}
    },
    findings: r.findings.map((f) => ({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      message: f.message,
      file: f.file,
      line: f.range.startLine,
      endLine: f.range.endLine,
      resource: f.resource,
      path: f.path,
      controls: f.controls,
      remediation: f.remediation,
      fingerprint: f.fingerprint,
      ...f.callSite ? { callSite: f.callSite } : {}
    })),
    notEvaluated: r.evaluations.filter((e) => e.status === "not_evaluated"),
    errors: r.errors,
    skipped: r.skipped,
    ...r.resolution ? { remoteModules: r.resolution.remoteModules, capped: r.resolution.capped } : {}
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/evidence/evidence.ts
import { createHash as createHash4 } from "node:crypto";

// src/version.ts
var VERSION = "0.1.0";

// src/report/evidence/evidence.ts
var EVIDENCE_SCHEMA_VERSION = 1;
function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().filter((k) => v[k] !== void 0).map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}
var sha2562 = (s) => createHash4("sha256").update(s).digest("hex");
var by = (key) => (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
function controlsEvidence(r) {
  const out = {};
  for (const fw of ["iso27017", "iso27002", "soc2"]) {
    out[fw] = Object.entries(r.catalog.controls[fw]).map(([id, info]) => {
      const rules = new Set(info.rules);
      const evals = r.evaluations.filter((e) => rules.has(e.ruleId));
      const count2 = (s) => evals.filter((e) => e.status === s).length;
      return {
        id,
        title: info.title,
        rules: [...info.rules].sort(),
        rulesEvaluated: new Set(evals.map((e) => e.ruleId)).size,
        resourcesEvaluated: new Set(evals.map((e) => `${e.file}\0${e.resource}`)).size,
        passed: count2("passed"),
        failed: count2("failed"),
        waived: count2("waived"),
        notEvaluated: count2("not_evaluated"),
        ...info.manual ? { manual: info.manual } : {}
      };
    }).sort(by((c) => c.id));
  }
  return out;
}
function buildEvidence(i) {
  const r = i.result;
  const waived = r.findings.filter((f) => f.waiver?.status === "applied").length;
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    tool: { name: "controlgate", version: VERSION },
    policyBundle: { sha256: r.bundle.policySha256, catalogSha256: r.bundle.catalogSha256, opaVersion: r.bundle.opaVersion, rules: r.catalog.rules.length },
    run: i.run,
    time: { startedAt: r.startedAt, finishedAt: r.finishedAt },
    configuration: { sha256: sha2562(canonicalJson(i.settings)), failOn: i.failOn, settings: i.settings },
    result: { passed: i.failing === 0 && r.errors.length === 0, findings: r.findings.length, failing: i.failing, waived, fileErrors: r.errors.length },
    files: [...r.files].sort(by((f) => f.path)),
    controls: controlsEvidence(r),
    evaluations: r.evaluations.map((e) => ({ rule: e.ruleId, resource: e.resource, file: e.file, status: e.status, ...e.reason ? { reason: e.reason } : {} })).sort(by((e) => `${e.rule}\0${e.file}\0${e.resource}`)),
    findings: r.findings.map((f) => ({
      fingerprint: f.fingerprint,
      id: f.id,
      severity: f.severity,
      file: f.file,
      line: f.range.startLine,
      resource: f.resource,
      message: f.message,
      controls: { iso27017: f.controls.iso27017, iso27002: f.controls.iso27002, soc2: f.controls.soc2 },
      ...f.waiver ? { waiver: f.waiver } : {}
    })).sort(by((f) => `${f.file}\0${String(f.line).padStart(8, "0")}\0${f.id}\0${f.fingerprint}`)),
    waivers: r.waivers.map((w) => ({
      id: w.id,
      source: w.source,
      rule: w.rule,
      status: w.status,
      ...w.reason !== void 0 ? { reason: w.reason } : {},
      ...w.approver ? { approver: w.approver } : {},
      ...w.ticket ? { ticket: w.ticket } : {},
      ...w.expires ? { expires: w.expires } : {},
      ...w.file ? { file: w.file, line: w.line } : {},
      ...w.resource ? { resource: w.resource } : {},
      ...w.path ? { path: w.path } : {},
      matched: w.matched.length,
      ...w.note ? { note: w.note } : {}
    })).sort(by((w) => w.id))
  };
}
function renderEvidenceJson(e) {
  return `${JSON.stringify(e, null, 2)}
`;
}

// src/report/evidence/context.ts
import { readFileSync as readFileSync2 } from "node:fs";
function pullRequestNumber(env) {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "");
  if (fromRef) return Number(fromRef[1]);
  if (!env.GITHUB_EVENT_PATH) return void 0;
  try {
    const payload = JSON.parse(readFileSync2(env.GITHUB_EVENT_PATH, "utf8"));
    const n = payload.pull_request?.number;
    return typeof n === "number" ? n : void 0;
  } catch {
    return void 0;
  }
}
function runContext(env = process.env) {
  const ctx = {};
  const set = (k, v) => {
    if (v !== void 0 && v !== "") ctx[k] = v;
  };
  set("repository", env.GITHUB_REPOSITORY);
  set("commit", env.GITHUB_SHA);
  set("ref", env.GITHUB_REF);
  set("event", env.GITHUB_EVENT_NAME);
  set("pullRequest", pullRequestNumber(env));
  set("workflow", env.GITHUB_WORKFLOW);
  set("runId", env.GITHUB_RUN_ID);
  set("runAttempt", env.GITHUB_RUN_ATTEMPT);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    set("runUrl", `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}`);
  }
  set("actor", env.GITHUB_ACTOR);
  return ctx;
}

// src/report/evidence/write.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path6 from "node:path";

// src/report/evidence/markdown.ts
var FRAMEWORK_TITLES = {
  iso27017: "ISO/IEC 27017:2015 cloud controls",
  iso27002: "ISO/IEC 27002:2022",
  soc2: "SOC 2 Trust Services Criteria"
};
function controlTable(rows) {
  const out = ["| Control | Title | Rules | Resources evaluated | Passed | Failed | Waived | Not evaluated | Evidence |", "|---|---|---:|---:|---:|---:|---:|---:|---|"];
  for (const c of rows) {
    const how = c.rules.length === 0 ? "**manual only**" : c.manual ? "automated + manual" : "automated";
    out.push(
      `| ${c.id} | ${escapeMarkdownCell(c.title)} | ${c.rules.length} | ${c.resourcesEvaluated} | ${c.passed} | ${c.failed} | ${c.waived} | ${c.notEvaluated} | ${how} |`
    );
  }
  return out;
}
function renderEvidenceMarkdown(e, evidenceJsonSha256) {
  const out = [];
  const run = e.run;
  out.push("# Controlgate evidence report", "");
  out.push(`Result: **${e.result.passed ? "passed" : "failed"}** \u2014 ${e.result.findings} finding(s), ${e.result.failing} at or above \`${e.configuration.failOn}\`, ${e.result.waived} waived, ${e.result.fileErrors} file(s) not scanned.`, "");
  out.push("## What ran", "");
  out.push("| Item | Value |", "|---|---|");
  const row = (k, v) => {
    if (v !== void 0 && v !== "") out.push(`| ${k} | ${escapeMarkdownCell(String(v))} |`);
  };
  row("Tool", `controlgate ${e.tool.version}`);
  row("Policy bundle (sha256 of policy.wasm)", e.policyBundle.sha256);
  row("Rule catalog (sha256 of catalog.json)", e.policyBundle.catalogSha256);
  row("Rules", e.policyBundle.rules);
  row("Compiled by", `OPA ${e.policyBundle.opaVersion}`);
  row("Configuration (sha256)", e.configuration.sha256);
  row("Repository", run.repository);
  row("Commit", run.commit);
  row("Ref", run.ref);
  row("Event", run.event);
  row("Pull request", run.pullRequest);
  row("Workflow", run.workflow);
  row("Run", run.runId ? `${run.runId} (attempt ${run.runAttempt ?? "1"})` : void 0);
  row("Run URL", run.runUrl);
  row("Actor", run.actor);
  row("Started", e.time.startedAt);
  row("Finished", e.time.finishedAt);
  if (evidenceJsonSha256) row("This report renders the evidence JSON with sha256", evidenceJsonSha256);
  out.push("");
  for (const fw of ["iso27017", "iso27002", "soc2"]) {
    out.push(`## ${FRAMEWORK_TITLES[fw]}`, "", ...controlTable(e.controls[fw]), "");
    const manual = e.controls[fw].filter((c) => c.manual);
    if (manual.length) {
      out.push("Needs manual evidence:", "");
      for (const c of manual) out.push(`- **${c.id}** ${escapeMarkdownCell(c.title)}: ${escapeMarkdownCell(c.manual ?? "")}`);
      out.push("");
    }
  }
  out.push("## Exceptions (waivers)", "");
  if (!e.waivers.length) out.push("None.", "");
  else {
    out.push("| Waiver | Rule | State | Reason | Approver / ticket | Expires | Findings matched | Note |", "|---|---|---|---|---|---|---:|---|");
    for (const w of e.waivers) {
      out.push(
        `| ${escapeMarkdownCell(w.file ? `${w.file}:${w.line}` : w.id)} | ${escapeMarkdownCell(w.rule)} | ${w.status} | ${escapeMarkdownCell(w.reason ?? "\u2014")} | ${escapeMarkdownCell(w.approver ?? w.ticket ?? "\u2014")} | ${w.expires ?? "\u2014"} | ${w.matched} | ${escapeMarkdownCell(w.note ?? "")} |`
      );
    }
    out.push("");
  }
  out.push("## Findings", "");
  if (!e.findings.length) out.push("None.", "");
  else {
    out.push("| Severity | Rule | Location | Resource | Finding | Waiver |", "|---|---|---|---|---|---|");
    for (const f of e.findings) {
      out.push(
        `| ${f.severity} | ${f.id} | ${escapeMarkdownCell(`${f.file}:${f.line}`)} | ${escapeMarkdownCell(f.resource)} | ${escapeMarkdownCell(f.message)} | ${f.waiver ? `${f.waiver.status}: ${escapeMarkdownCell(f.waiver.reason)}` : ""} |`
      );
    }
    out.push("");
  }
  const counts = { parsed: 0, parse_error: 0, skipped: 0 };
  for (const f of e.files) counts[f.status] = (counts[f.status] ?? 0) + 1;
  out.push("## Files", "", `${e.files.length} considered: ${counts.parsed} scanned, ${counts.parse_error} not parsable, ${counts.skipped} skipped. The evidence JSON lists each with its sha256.`, "");
  const problems = e.files.filter((f) => f.status !== "parsed");
  if (problems.length) {
    out.push("| File | State | Reason |", "|---|---|---|");
    for (const f of problems) out.push(`| ${escapeMarkdownCell(f.path)} | ${f.status} | ${escapeMarkdownCell(f.reason ?? "")} |`);
    out.push("");
  }
  const population = e.evaluations.length;
  out.push(`## Population`, "", `${population} (rule, resource) pair(s) evaluated; the evidence JSON lists each with its state.`, "");
  return out.join("\n");
}

// src/report/evidence/oscal.ts
import { createHash as createHash5 } from "node:crypto";
var OSCAL_VERSION = "1.0.6";
function uuidFor(name) {
  const h = createHash5("sha1").update(`controlgate:${name}`).digest();
  h[6] = h[6] & 15 | 80;
  h[8] = h[8] & 63 | 128;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
var FRAMEWORK_NS = { iso27017: "ISO/IEC 27017:2015", iso27002: "ISO/IEC 27002:2022", soc2: "SOC 2 TSC" };
function describe2(c) {
  const base = c.rules.length === 0 ? "No rule can show this control from code." : `${c.rules.length} rule(s) (${c.rules.join(", ")}) evaluated ${c.resourcesEvaluated} resource(s): ${c.passed} passed, ${c.failed} failed, ${c.waived} waived, ${c.notEvaluated} not evaluated.`;
  return c.manual ? `${base} Manual evidence needed: ${c.manual}` : base;
}
function renderOscal(e) {
  const seed = `${e.policyBundle.sha256}:${e.run.repository ?? ""}:${e.run.commit ?? ""}:${e.run.runId ?? ""}:${e.time.startedAt}`;
  const observations = [];
  const findings = [];
  const controlIds = [];
  for (const fw of ["iso27017", "iso27002", "soc2"]) {
    for (const c of e.controls[fw]) {
      controlIds.push(c.id);
      const obsUuid = uuidFor(`${seed}:observation:${fw}:${c.id}`);
      observations.push({
        uuid: obsUuid,
        title: `${FRAMEWORK_NS[fw]} ${c.id}`,
        description: describe2(c),
        props: [
          { name: "passed", value: String(c.passed) },
          { name: "failed", value: String(c.failed) },
          { name: "waived", value: String(c.waived) },
          { name: "not-evaluated", value: String(c.notEvaluated) }
        ],
        methods: [c.rules.length ? "TEST" : "EXAMINE"],
        collected: e.time.finishedAt
      });
      const state = c.failed === 0 && c.rules.length > 0 && !c.manual ? "satisfied" : c.failed > 0 ? "not-satisfied" : void 0;
      findings.push({
        uuid: uuidFor(`${seed}:finding:${fw}:${c.id}`),
        title: `${c.id} ${c.title}`,
        description: describe2(c),
        target: {
          type: "objective-id",
          "target-id": c.id,
          // A control that also needs manual evidence is never "satisfied" on code alone.
          status: { state: state ?? "not-satisfied", reason: state ? "pass" : c.failed > 0 ? "fail" : "other" },
          ...state ? {} : { remarks: c.failed > 0 ? "Rules evidencing this control failed." : "Automated evidence is partial or absent; manual evidence is required." }
        },
        "related-observations": [{ "observation-uuid": obsUuid }]
      });
    }
  }
  const doc = {
    "assessment-results": {
      uuid: uuidFor(`${seed}:assessment-results`),
      metadata: {
        title: `Controlgate assessment${e.run.repository ? ` of ${e.run.repository}` : ""}${e.run.commit ? ` at ${e.run.commit}` : ""}`,
        "last-modified": e.time.finishedAt,
        version: e.tool.version,
        "oscal-version": OSCAL_VERSION
      },
      "import-ap": { href: `urn:controlgate:policy-bundle:sha256:${e.policyBundle.sha256}` },
      results: [
        {
          uuid: uuidFor(`${seed}:result`),
          title: "Controlgate policy scan",
          description: `Rego policies (bundle sha256 ${e.policyBundle.sha256}, ${e.policyBundle.rules} rules) evaluated ${e.files.length} file(s): ${e.result.findings} finding(s), ${e.result.failing} failing, ${e.result.waived} waived.`,
          start: e.time.startedAt,
          end: e.time.finishedAt,
          props: [
            { name: "policy-bundle-sha256", value: e.policyBundle.sha256 },
            { name: "configuration-sha256", value: e.configuration.sha256 },
            ...e.run.commit ? [{ name: "commit", value: e.run.commit }] : [],
            ...e.run.runUrl ? [{ name: "run-url", value: e.run.runUrl }] : []
          ],
          "reviewed-controls": { "control-selections": [{ "include-controls": controlIds.map((id) => ({ "control-id": id })) }] },
          observations,
          findings
        }
      ]
    }
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/evidence/write.ts
function evidencePaths(jsonPath) {
  const base = jsonPath.replace(/\.json$/i, "");
  return { json: jsonPath, markdown: `${base}.md`, oscal: `${base}.oscal.json` };
}
function writeEvidence(jsonPath, e) {
  const p = evidencePaths(jsonPath);
  mkdirSync(path6.dirname(path6.resolve(p.json)), { recursive: true });
  const json = renderEvidenceJson(e);
  writeFileSync(p.json, json);
  writeFileSync(p.markdown, renderEvidenceMarkdown(e, sha2562(json)));
  writeFileSync(p.oscal, renderOscal(e));
  return p;
}

// src/cli/evidence-verify.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { parseArgs as parseArgs2 } from "node:util";

// src/report/evidence/verify.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, readFileSync as readFileSync3 } from "node:fs";
import path7 from "node:path";
function git(dir, args) {
  try {
    return execFileSync("git", ["-C", dir, ...args], { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return void 0;
  }
}
function reader(repo, commit) {
  if (commit && git(repo, ["cat-file", "-e", `${commit}^{commit}`]) !== void 0) {
    const prefix = (git(repo, ["rev-parse", "--show-prefix"])?.toString("utf8") ?? "").trim();
    return { source: `git commit ${commit}`, read: (p) => git(repo, ["show", `${commit}:${prefix}${p}`]) };
  }
  return {
    source: commit ? `working tree (commit ${commit} is not in ${repo})` : "working tree",
    read: (p) => {
      const abs = path7.resolve(repo, p);
      return existsSync2(abs) ? readFileSync3(abs) : void 0;
    }
  };
}
function verifyEvidence(evidence, repo, assetsDir) {
  const e = evidence;
  const problems = [];
  if (!e || typeof e !== "object" || !Array.isArray(e.files) || !e.policyBundle?.sha256) {
    return { checkedFiles: 0, source: "", problems: [{ kind: "malformed", detail: "not a Controlgate evidence file (no files or policyBundle)" }] };
  }
  const wasm = sha2562(readFileSync3(path7.join(assetsDir, "policy.wasm")));
  if (wasm !== e.policyBundle.sha256) {
    problems.push({ kind: "bundle-differs", detail: `evidence bundle sha256 ${e.policyBundle.sha256}, this installation's policy.wasm ${wasm}` });
  }
  const catalog = sha2562(readFileSync3(path7.join(assetsDir, "catalog.json")));
  if (e.policyBundle.catalogSha256 && catalog !== e.policyBundle.catalogSha256) {
    problems.push({ kind: "catalog-differs", detail: `evidence catalog sha256 ${e.policyBundle.catalogSha256}, this installation's catalog.json ${catalog}` });
  }
  const { source, read } = reader(repo, e.run?.commit);
  let checked = 0;
  for (const f of e.files) {
    if (!f.path || !f.sha256) continue;
    checked++;
    const bytes = read(f.path);
    if (!bytes) problems.push({ kind: "file-missing", path: f.path, detail: `not found in ${source}` });
    else if (sha2562(bytes) !== f.sha256) problems.push({ kind: "file-changed", path: f.path, detail: `sha256 is ${sha2562(bytes)}, evidence says ${f.sha256}` });
  }
  return { checkedFiles: checked, source, problems };
}

// src/cli/evidence-verify.ts
function evidenceVerifyCommand(argv, out) {
  const [sub, ...rest] = argv;
  if (sub !== "verify") throw new UsageError(`unknown evidence command "${sub ?? ""}" (expected: evidence verify <evidence.json>)`);
  const { values, positionals } = parseArgs2({ args: rest, allowPositionals: true, strict: true, options: { repo: { type: "string", default: "." } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("evidence verify takes exactly one evidence file");
  let evidence;
  try {
    evidence = JSON.parse(readFileSync4(file, "utf8"));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const report = verifyEvidence(evidence, values.repo ?? ".", defaultAssetsDir());
  for (const p of report.problems) out.write(`MISMATCH ${p.kind}${p.path ? ` ${safeText(p.path)}` : ""}: ${safeText(p.detail)}
`);
  out.write(
    report.problems.length ? `evidence does not verify: ${report.problems.length} mismatch(es); ${report.checkedFiles} file(s) checked against the ${report.source}
` : `evidence verifies: ${report.checkedFiles} file(s) match the ${report.source}; policy bundle and catalog digests match
`
  );
  return report.problems.length ? EXIT.findings : EXIT.ok;
}

// src/cli/main.ts
import { writeFileSync as writeFileSync2 } from "node:fs";

// src/report/sarif.ts
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var TOOL_NAME = "Controlgate";
var TOOL_VERSION = "0.1.0";
var PROJECT_REPO = "controlgate/controlgate";
var FINGERPRINT_KEY = "controlgate/v1";
var MAX_TAGS = 10;
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };
function sarifLevel(s) {
  if (s === "critical" || s === "high") return "error";
  if (s === "medium") return "warning";
  return "note";
}
function ruleDocUrl(ruleId, env = process.env) {
  const repo = env.GITHUB_ACTION_REPOSITORY || PROJECT_REPO;
  const ref = env.GITHUB_ACTION_REPOSITORY ? env.GITHUB_ACTION_REF || "main" : "main";
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const base = ruleId.split("/")[0];
  return `${server}/${repo}/blob/${encodeURIComponent(ref).replace(/%2F/g, "/")}/docs/rules/${encodeURIComponent(base)}.md`;
}
function controlsText(c) {
  const parts = [
    c.iso27017.length ? `ISO/IEC 27017: ${c.iso27017.join(", ")}` : "",
    c.iso27002.length ? `ISO/IEC 27002:2022: ${c.iso27002.join(", ")}` : "",
    c.soc2.length ? `SOC 2: ${c.soc2.join(", ")}` : "",
    c.cis.length ? `CIS: ${c.cis.map((x) => x.replace(/^CIS\s+/, "")).join(", ")}` : "",
    c.nist.length ? `NIST SP 800-53 r5: ${c.nist.join(", ")}` : ""
  ];
  return parts.filter(Boolean).join("; ");
}
function ruleDescriptor(meta, id, severity, message, docUrl) {
  const controls = controlsText(meta.controls);
  const tags = ["security", "compliance", ...meta.controls.iso27017, ...meta.controls.soc2.map((s) => `SOC2-${s}`)];
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, ""),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    messageStrings: { default: { text: message } },
    help: {
      text: `${meta.description}

Fix: ${meta.remediation}

Controls: ${controls}

Documentation: ${docUrl}`,
      markdown: `${meta.description}

**Fix:** ${meta.remediation}

**Controls:** ${controls}

[Rule documentation](${docUrl})`
    },
    helpUri: docUrl,
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      "security-severity": SECURITY_SEVERITY[severity],
      severity,
      precision: "high",
      "problem.severity": sarifLevel(severity) === "note" ? "recommendation" : sarifLevel(severity),
      tags: [...new Set(tags)].slice(0, MAX_TAGS),
      controls: meta.controls
    }
  };
}
function sarifRules(catalog, docUrl) {
  const out = [];
  for (const meta of catalog.rules) {
    out.push(ruleDescriptor(meta, meta.id, meta.severity, meta.message, docUrl(meta.id)));
    for (const [sub, s] of Object.entries(meta.subresults)) {
      out.push(ruleDescriptor(meta, `${meta.id}/${sub}`, s.severity, s.message, docUrl(meta.id)));
    }
  }
  return out.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
function buildSarif(findings, catalog, o = {}) {
  const docUrl = o.docUrl ?? ((id) => ruleDocUrl(id));
  const rules = sarifRules(catalog, docUrl);
  const index = new Map(rules.map((r, i) => [String(r.id), i]));
  const artifacts = [.../* @__PURE__ */ new Set([...findings.map((f) => f.file), ...(o.errors ?? []).map((e) => e.path)])].sort();
  const artifactIndex = new Map(artifacts.map((a, i) => [a, i]));
  const results = findings.map((f) => {
    const region = { startLine: f.range.startLine, endLine: Math.max(f.range.endLine, f.range.startLine) };
    const inScope = o.inScope ? o.inScope.has(f.fingerprint) : true;
    const result = {
      ruleId: f.id,
      ...index.has(f.id) ? { ruleIndex: index.get(f.id) } : {},
      level: sarifLevel(f.severity),
      message: { text: `${f.message}. Fix: ${f.remediation}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file), uriBaseId: "%SRCROOT%", index: artifactIndex.get(f.file) },
            region
          },
          logicalLocations: [{ name: f.resource, fullyQualifiedName: f.resource, kind: "resource" }]
        }
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: {
        severity: f.severity,
        resource: f.resource,
        attributePath: f.path.map(String).join("."),
        controls: f.controls,
        inPullRequestScope: inScope
      }
    };
    return result;
  });
  const notifications = (o.errors ?? []).map((e) => ({
    level: "error",
    message: { text: `File not scanned: ${e.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(e.path), uriBaseId: "%SRCROOT%", index: artifactIndex.get(e.path) },
          region: { startLine: Math.max(1, e.range.startLine), endLine: Math.max(1, e.range.endLine, e.range.startLine) }
        }
      }
    ]
  }));
  const run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: TOOL_VERSION,
        version: TOOL_VERSION,
        informationUri: `https://github.com/${PROJECT_REPO}`,
        rules,
        properties: { opaVersion: catalog.opaVersion }
      }
    },
    automationDetails: { id: o.automationId ?? "controlgate/" },
    originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root (GITHUB_WORKSPACE)." } } },
    artifacts: artifacts.map((a) => ({ location: { uri: encodeURI(a), uriBaseId: "%SRCROOT%" } })),
    invocations: [{ executionSuccessful: (o.errors ?? []).length === 0, toolExecutionNotifications: notifications }],
    ...o.revision ? { versionControlProvenance: [{ repositoryUri: o.revision.repositoryUri, revisionId: o.revision.revisionId, ...o.revision.branch ? { branch: o.revision.branch } : {} }] } : {},
    results,
    columnKind: "utf16CodeUnits"
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function renderSarif(findings, catalog, o = {}) {
  return `${JSON.stringify(buildSarif(findings, catalog, o), null, 2)}
`;
}

// src/cli/main.ts
var USAGE = `Usage: controlgate scan [paths...] [options]
       controlgate evidence verify <evidence.json> [--repo <dir>]

Scan Terraform and Packer files; findings cite ISO/IEC 27017 controls (with ISO/IEC 27002:2022,
SOC 2, CIS and NIST 800-53 crosswalks).

Options:
  --format <text|json>     output format (default: text)
  --fail-on <severity>     exit 1 when a finding is at or above: critical, high, medium, low, info,
                           never (default: high)
  --root <dir>             workspace root; paths are reported relative to it (default: .)
  --max-file-bytes <n>     files larger than this are reported, not parsed (default: 4194304)
  --var-file <file>        a .tfvars or .pkrvars.hcl file for the root modules/templates, relative
                           to --root; repeatable, later files win
  --sarif <file>           also write SARIF 2.1.0 (for GitHub code scanning) to <file>
  --evidence <file.json>   write the audit evidence: <file>.json, <file>.md and <file>.oscal.json
  -h, --help               show this help

Exit codes: 0 passed, 1 findings at or above --fail-on or files not scanned, 2 usage error,
3 internal error.`;
async function main(argv, out = process.stdout, err = process.stderr) {
  try {
    const [command, ...rest] = argv;
    if (!command || command === "-h" || command === "--help" || command === "help") {
      out.write(`${USAGE}
`);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === "evidence") return evidenceVerifyCommand(rest, out);
    if (command !== "scan") throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs3({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", default: "text" },
        "fail-on": { type: "string" },
        root: { type: "string", default: "." },
        "max-file-bytes": { type: "string" },
        "var-file": { type: "string", multiple: true },
        sarif: { type: "string" },
        evidence: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    });
    if (values.help) {
      out.write(`${USAGE}
`);
      return EXIT.ok;
    }
    const format3 = values.format;
    if (format3 !== "text" && format3 !== "json") throw new UsageError(`--format must be text or json (got "${format3}")`);
    const failOn = parseFailOn(values["fail-on"]);
    const maxFileBytes = values["max-file-bytes"] ? Number(values["max-file-bytes"]) : void 0;
    if (maxFileBytes !== void 0 && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
      throw new UsageError("--max-file-bytes must be a positive whole number");
    }
    const varFiles = values["var-file"] ?? [];
    const result = await scan({ root: values.root ?? ".", paths: positionals, ...maxFileBytes ? { maxFileBytes } : {}, ...varFiles.length ? { varFiles } : {} });
    if (values.sarif) writeFileSync2(values.sarif, renderSarif(result.findings, result.catalog, { errors: result.errors }));
    out.write(format3 === "json" ? renderJson(result, failOn) : renderText(result));
    const failing = failingFindings(result.findings, failOn).length;
    if (values.evidence) {
      const settings = { paths: positionals, failOn, maxFileBytes: maxFileBytes ?? null };
      writeEvidence(values.evidence, buildEvidence({ result, run: runContext(), failOn, settings, failing }));
    }
    return failing || result.errors.length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TypeError && e.code?.startsWith("ERR_PARSE_ARGS")) {
      err.write(`controlgate: ${e.message}

${USAGE}
`);
      return EXIT.usage;
    }
    err.write(`controlgate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    return EXIT.internal;
  }
}
var invoked = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:cli\.js|controlgate)$/.test(invoked) || invoked.endsWith("src/cli/main.ts")) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.stdout.write("", () => process.exit(code));
    },
    (e) => {
      process.stderr.write(`controlgate: ${String(e)}
`);
      process.exit(EXIT.internal);
    }
  );
}
export {
  main
};
