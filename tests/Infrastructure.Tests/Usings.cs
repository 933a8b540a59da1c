global using VetOS.TestSupport;
